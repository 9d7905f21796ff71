import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registryAppliers } from '../../../src/central/registry/appliers';
import { canonicalJson } from '../../../src/core/audit/canonical-json';
import { formsChangeAppliers } from '../../../src/core/forms';
import { counterAppliers, enrolledSync, sharedCentral } from '../sync/counter-harness';
import { testCore } from '../../helpers/test-core';
import { incidencia, tinyPng } from './forms-fixtures';

const central = sharedCentral({ ...counterAppliers, ...registryAppliers });

describe('official registry numbers through a real central (PGlite on 127.0.0.1)', () => {
  it('numbers entries in arrival order, sends the number back by pull, and the reprint shows it', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get(), {
      changeAppliers: formsChangeAppliers(t.core.deps),
    });
    const clerk = await t.signInAs('clerk', 'ana');
    const first = await t.call('formsFile', incidencia(), clerk);
    const photo = {
      filename: 'f.png',
      mediaType: 'image/png' as const,
      dataBase64: tinyPng('sync').toString('base64'),
    };
    const second = await t.call('formsFile', incidencia({ attachments: [photo] }), clerk);
    expect((await t.call('formsGet', { id: first.entryId }, clerk)).status).toBe('queued');

    await sync.syncOnce();
    await sync.syncOnce();

    const a = await t.call('formsGet', { id: first.entryId }, clerk);
    const b = await t.call('formsGet', { id: second.entryId }, clerk);
    const year = new Date().getUTCFullYear();
    expect(a).toMatchObject({ status: 'official', officialNumber: `18111-RGE-${year}-000001` });
    expect(b).toMatchObject({ status: 'official', officialNumber: `18111-RGE-${year}-000002` });
    const { pdf } = await t.core.services.forms.receipt(
      { staffId: null, username: 'ana', role: 'system' },
      first.entryId,
      'a4',
    );
    const text = execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(text).toContain(`Número de registro oficial: 18111-RGE-${year}-000001`);
    expect(text).toContain('Número de registro provisional: 18111-M01-');

    // Both entries are complete at central: the photo's bytes were uploaded after the push.
    const synced = t.core.deps.db
      .prepare('SELECT provisional_number, synced_at FROM registry_entries ORDER BY seq')
      .all() as {
      synced_at: string | null;
    }[];
    expect(synced.map((r) => r.synced_at !== null)).toEqual([true, true]);
    const stored = await central
      .get()
      .store.query<{ official_number: string; entry_hash: string }>(
        'SELECT official_number, entry_hash FROM registry_entries ORDER BY seq',
      );
    expect(stored).toEqual([
      { official_number: `18111-RGE-${year}-000001`, entry_hash: a.entryHash },
      { official_number: `18111-RGE-${year}-000002`, entry_hash: b.entryHash },
    ]);
  }, 60_000);

  it('refuses an entry whose content does not match its hash', async () => {
    const t = testCore();
    const sync = await enrolledSync(t, central.get(), {
      changeAppliers: formsChangeAppliers(t.core.deps),
    });
    const clerk = await t.signInAs('clerk');
    const filed = await t.call('formsFile', incidencia(), clerk);
    // Tamper with the queued copy (and keep the outbox's own checksum right) to test central's check.
    const db = t.core.deps.db;
    const row = db
      .prepare(`SELECT op_id, payload FROM outbox WHERE kind = 'registry.entry'`)
      .get() as { op_id: string; payload: string };
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    const tampered = JSON.stringify({ ...payload, addressee: 'alcaldia' });
    const body = canonicalJson(JSON.parse(tampered));
    db.prepare('UPDATE outbox SET payload = ?, payload_sha256 = ? WHERE op_id = ?').run(
      body,
      createHash('sha256').update(body).digest('hex'),
      row.op_id,
    );
    await sync.syncOnce();
    expect(
      db.prepare('SELECT status, last_error FROM outbox WHERE op_id = ?').get(row.op_id),
    ).toEqual({
      status: 'rejected',
      last_error: 'entry_hash_mismatch',
    });
    expect((await t.call('formsGet', { id: filed.entryId }, clerk)).officialNumber).toBeNull();
  }, 60_000);
});
