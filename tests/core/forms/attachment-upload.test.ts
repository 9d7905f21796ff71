import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registryAppliers } from '../../../src/central/registry/appliers';
import { deviceKey } from '../../../src/core/device/device-key';
import { formsChangeAppliers } from '../../../src/core/forms';
import { attachmentsDir } from '../../../src/core/forms/attachment-store';
import { centralRequest } from '../../../src/core/sync/signed-fetch';
import { ATTACHMENT_UPLOAD_PATH } from '../../../src/shared/contract/attachment-upload';
import { type Fault, type FaultProxy, startFaultProxy } from '../../chaos/fault-proxy';
import { type TestCore, testCore } from '../../helpers/test-core';
import { counterAppliers, enrolledSync, sharedCentral } from '../sync/counter-harness';
import { incidencia, runAttachmentRetention, tinyPng } from './forms-fixtures';

const DAY = 24 * 60 * 60_000;
const central = sharedCentral({ ...counterAppliers, ...registryAppliers });

const photo = (marker: string) => ({
  filename: `${marker}.png`,
  mediaType: 'image/png' as const,
  dataBase64: tinyPng(marker).toString('base64'),
});

interface Row {
  id: string;
  sha256: string;
  uploaded_at: string | null;
  upload_error: string | null;
}
const rows = (t: TestCore): Row[] =>
  t.core.deps.db
    .prepare(
      'SELECT id, sha256, uploaded_at, upload_error FROM registry_attachments ORDER BY rowid',
    )
    .all() as Row[];
const fileOf = (t: TestCore, id: string) => join(attachmentsDir(t.dataDir), `${id}.enc`);

const blobs = async (sha: string) =>
  central
    .get()
    .store.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM registry_attachment_blobs WHERE sha256 = $1',
      [sha],
    );

/** Central behind a proxy whose treatment of attachment uploads the test switches. */
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
let counters = 0;
const setUp = async () => {
  const t = testCore();
  let uploads: Fault = 'pass';
  proxy = await startFaultProxy(central.get().url, (_n, _m, path) =>
    path === ATTACHMENT_UPLOAD_PATH ? uploads : 'pass',
  );
  const sync = await enrolledSync(t, central.get(), {
    url: proxy.url,
    changeAppliers: formsChangeAppliers(t.core.deps),
    timeoutMs: 5_000,
  });
  const clerk = await t.signInAs('admin');
  await t.call('formsConfigUpdate', { attachmentRetentionDays: 30 }, clerk);
  // One central for the file: each counter needs its own series, as real counters have.
  counters += 1;
  await t.call('settingsUpdate', { counterCode: `U${counters}` }, clerk);
  return { t, sync, clerk, setUploads: (f: Fault) => (uploads = f) };
};

describe('attachment upload to a real central (PGlite on 127.0.0.1)', () => {
  it('uploads after the push, central checks and keeps the bytes, and the entry is confirmed complete', async () => {
    const { t, sync, clerk } = await setUp();
    const filed = await t.call(
      'formsFile',
      incidencia({ attachments: [photo('one'), photo('two')] }),
      clerk,
    );
    const run = await sync.syncOnce();
    expect(run.error).toBeNull();
    const [a, b] = rows(t);
    if (!a || !b) throw new Error('no attachments');
    expect([a.uploaded_at, b.uploaded_at]).toEqual([
      t.clock.now().toISOString(),
      t.clock.now().toISOString(),
    ]);
    const [stored] = await blobs(a.sha256);
    expect(Buffer.from(stored?.bytes ?? []).equals(tinyPng('one'))).toBe(true);
    // Central announced the entry complete in the same run; the counter took it by pull.
    const synced = t.core.deps.db
      .prepare('SELECT synced_at FROM registry_entries WHERE id = ?')
      .pluck()
      .get(filed.entryId);
    expect(synced).not.toBeNull();
    // Nothing left to send: a second run uploads nothing more.
    const before = proxy?.log.filter((r) => r.path === ATTACHMENT_UPLOAD_PATH).length;
    await sync.syncOnce();
    expect(proxy?.log.filter((r) => r.path === ATTACHMENT_UPLOAD_PATH).length).toBe(before);
  }, 60_000);

  it('is idempotent: a reply lost after central stored the bytes, and the same bytes in another entry, keep one copy', async () => {
    const { t, sync, clerk, setUploads } = await setUp();
    await t.call('formsFile', incidencia({ attachments: [photo('same')] }), clerk);
    setUploads('drop_response');
    expect((await sync.syncOnce()).error).toBe('network');
    const [first] = rows(t);
    if (!first) throw new Error('no attachment');
    expect(first.uploaded_at).toBeNull();
    expect(await blobs(first.sha256)).toHaveLength(1);

    setUploads('pass');
    await t.call('formsFile', incidencia({ attachments: [photo('same')] }), clerk);
    expect((await sync.syncOnce()).error).toBeNull();
    const after = rows(t);
    expect(after.map((r) => r.uploaded_at !== null)).toEqual([true, true]);
    expect(after[1]?.sha256).toBe(first.sha256);
    expect(await blobs(first.sha256)).toHaveLength(1);
    const complete = await central.get().store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM changes WHERE type = 'registry.entry_stored'
         AND payload->'attachments' ? $1`,
      [first.sha256],
    );
    expect(complete).toEqual([{ n: 2 }]);
  }, 60_000);

  it('central refuses bytes that do not match their hash; a corrupted local file is never sent and never removed', async () => {
    const { t, sync, clerk } = await setUp();
    await t.call('formsFile', incidencia({ attachments: [photo('good')] }), clerk);
    await t.call('formsFile', incidencia({ attachments: [photo('bad')] }), clerk);
    const [, bad] = rows(t);
    if (!bad) throw new Error('no attachment');
    // The second file is damaged on disk after filing.
    writeFileSync(fileOf(t, bad.id), Buffer.from('damaged'));
    await sync.syncOnce();
    const [good, broken] = rows(t);
    expect(good?.uploaded_at).not.toBeNull();
    expect(broken).toMatchObject({ uploaded_at: null, upload_error: 'forms_attachment_corrupt' });
    expect(await blobs(bad.sha256)).toEqual([]);

    // Sent straight to central with the listed hash but other bytes: refused, nothing stored.
    const signer = { deviceId: t.core.deps.deviceId, key: deviceKey(t.core.deps.db) };
    const send = (sha256: string, bytes: Buffer, attachmentId = bad.id) =>
      centralRequest(
        central.get().url,
        'POST',
        ATTACHMENT_UPLOAD_PATH,
        { attachment_id: attachmentId, sha256, data_base64: bytes.toString('base64') },
        { signer, now: new Date() },
      );
    expect(await send(bad.sha256, tinyPng('forged'))).toMatchObject({
      status: 422,
      body: { error: 'attachment_hash_mismatch' },
    });
    // Right bytes for their own hash, but not what the entry listed.
    const forged = tinyPng('forged');
    const forgedSha = createHash('sha256').update(forged).digest('hex');
    expect(await send(forgedSha, forged)).toMatchObject({
      status: 422,
      body: { error: 'attachment_hash_mismatch' },
    });
    expect(await send(forgedSha, forged, '0190aaaa-0000-7000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { error: 'attachment_unknown' },
    });
    expect(await blobs(forgedSha)).toEqual([]);

    t.clock.advance(365 * DAY);
    expect(runAttachmentRetention(t).removed).toBe(1);
    expect(existsSync(fileOf(t, bad.id))).toBe(true);
  }, 60_000);

  it('with the network down the file stays; retention removes only uploaded files past their days', async () => {
    const { t, sync, clerk, setUploads } = await setUp();
    const forms = t.core.services.forms;
    await t.call('formsFile', incidencia({ attachments: [photo('early')] }), clerk);
    setUploads('drop_request');
    const run = await sync.syncOnce();
    expect(run).toMatchObject({ reached: false, error: 'network' });
    const [early] = rows(t);
    if (!early) throw new Error('no attachment');
    expect(early.uploaded_at).toBeNull();
    t.clock.advance(90 * DAY);
    expect(runAttachmentRetention(t).removed).toBe(0);
    expect(existsSync(fileOf(t, early.id))).toBe(true);

    setUploads('pass');
    expect((await sync.syncOnce()).error).toBeNull();
    // Filed later and not synced yet: must survive every sweep below.
    const next = await t.signInAs('clerk', 'next'); // the first session idled out meanwhile
    await t.call('formsFile', incidencia({ attachments: [photo('late')] }), next);
    const [, late] = rows(t);
    if (!late) throw new Error('no attachment');
    t.clock.advance(29 * DAY);
    expect(runAttachmentRetention(t).removed).toBe(0);
    t.clock.advance(1 * DAY);
    expect(runAttachmentRetention(t).removed).toBe(1);
    expect(existsSync(fileOf(t, early.id))).toBe(false);
    expect(existsSync(fileOf(t, late.id))).toBe(true);
    expect(() => forms.readAttachment(early.id)).toThrow('forms_attachment_not_found');
    expect(forms.readAttachment(late.id).equals(tinyPng('late'))).toBe(true);
  }, 60_000);
});
