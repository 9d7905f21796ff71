import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDocumentNumber } from '../../../src/shared/document-number';
import { testCore } from '../../helpers/test-core';
import { fixtureBytes, importFixture } from './fixtures';

const numbersIn = (file: string): string[] =>
  fixtureBytes(file)
    .toString('utf8')
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(',')[2] ?? '')
    .filter(Boolean);

describe('privacy of document numbers', () => {
  it('stores no plain document number: not in any cell, nor in the database files', async () => {
    const t = testCore();
    importFixture(t);
    const numbers = numbersIn('padron-utf8.csv');
    expect(numbers.length).toBe(38);
    const forms = numbers.flatMap((n) => [n, normalizeDocumentNumber(n), n.slice(0, 8)]);
    const db = t.core.deps.db;
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .pluck()
      .all() as string[];
    let cells = 0;
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
        for (const cell of row) {
          cells += 1;
          const text = String(cell);
          for (const f of forms) expect(text.includes(f), `${table}: ${text}`).toBe(false);
        }
      }
    }
    expect(cells).toBeGreaterThan(500);
    // Lookups hash the scanned number the same way, so they still find the resident.
    expect(t.core.services.residents.findByDocumentNumber('74252101-m')[0]?.resident_id).toBe(
      'R001',
    );
    t.core.close();
    for (const file of readdirSync(t.dataDir).filter((f) => f.startsWith('ventanilla.db'))) {
      const bytes = readFileSync(join(t.dataDir, file)).toString('latin1');
      for (const f of forms) expect(bytes.includes(f), file).toBe(false);
    }
  });
});
