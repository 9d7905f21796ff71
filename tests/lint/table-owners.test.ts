import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORE = join(ROOT, 'src/core');

/**
 * Each counter table and where its SQL lives (see CONTRIBUTING.md): one store module, or a
 * feature folder whose modules share the table.
 */
const OWNER: Record<string, string> = {
  settings: 'settings/store.ts',
  outbox: 'sync/outbox.ts',
  sync_state: 'sync/sync-state.ts',
  sync_versions: 'sync',
  sync_parked_changes: 'sync',
  verifications: 'verifications',
  verification_requests: 'verifications',
  verification_conflicts: 'verifications',
  verification_policy: 'verifications/repo.ts',
  failed_lookups: 'verifications',
  lookup_locks: 'verifications',
  registry_entries: 'forms',
  registry_attachments: 'forms',
  registry_counters: 'forms/numbering.ts',
  form_templates: 'forms/templates.ts',
  residents: 'residents',
  residents_search: 'residents',
  register_imports: 'residents',
  register_reconcile: 'residents',
  privacy_central_requests: 'privacy',
  staff: 'staff/staff-repo.ts',
  audit_log: 'audit',
  audit_checkpoint: 'audit/checkpoints.ts',
};

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });

/** The tables the migrations leave (a table built under a temporary name counts as its final one). */
const createdTables = (): Set<string> => {
  const dir = join(CORE, 'db/migrations');
  const sql = readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const created = [...sql.matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?(\w+)/g)];
  const renamedAway = new Set([...sql.matchAll(/ALTER TABLE (\w+) RENAME TO/g)].map((m) => m[1]!));
  return new Set(created.map((m) => m[1]!).filter((t) => !renamedAway.has(t)));
};

/** SQL naming a table: read, written, joined or created. */
const namesTable = (text: string, table: string): boolean =>
  new RegExp(String.raw`\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\s+${table}\b`).test(text);

describe('table ownership', () => {
  it('knows the owner of every table the migrations create', () => {
    expect([...createdTables()].filter((t) => !(t in OWNER)).sort()).toEqual([]);
  });

  it("keeps each table's SQL inside its owner", () => {
    const strays: string[] = [];
    for (const file of sources(CORE)) {
      const path = relative(CORE, file);
      const feature = path.split('/')[0]!;
      if (feature === 'db') continue;
      const text = readFileSync(file, 'utf8');
      for (const [table, owner] of Object.entries(OWNER)) {
        const owns = owner.endsWith('.ts') ? path === owner : feature === owner;
        if (!owns && namesTable(text, table))
          strays.push(`${relative(ROOT, file)} names ${table} (owned by core/${owner})`);
      }
    }
    expect(strays).toEqual([]);
  });

  it('tells a table named in SQL from the word in prose', () => {
    expect(namesTable('SELECT 1 FROM outbox WHERE seq = ?', 'outbox')).toBe(true);
    expect(namesTable('UPDATE registry_entries SET data', 'registry_entries')).toBe(true);
    expect(namesTable('the outbox row goes', 'outbox')).toBe(false);
    expect(namesTable('SELECT 1 FROM outbox_old', 'outbox')).toBe(false);
  });
});
