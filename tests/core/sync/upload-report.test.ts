import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registryAppliers } from '../../../src/central/registry/appliers';
import { formsChangeAppliers } from '../../../src/core/forms';
import { attachmentsDir } from '../../../src/core/forms/attachment-store';
import { ATTACHMENT_UPLOAD_PATH } from '../../../src/shared/contract/attachment-upload';
import type { UploadProgress } from '../../../src/shared/contract/sync';
import { type FaultProxy, startFaultProxy } from '../../chaos/fault-proxy';
import { testCore } from '../../helpers/test-core';
import { incidencia, tinyPng } from '../forms/forms-fixtures';
import { counterAppliers, enrolledSync, sharedCentral } from './counter-harness';

const central = sharedCentral({ ...counterAppliers, ...registryAppliers });
const photo = (marker: string) => ({
  filename: `${marker}.png`,
  mediaType: 'image/png' as const,
  dataBase64: tinyPng(marker).toString('base64'),
});

let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
let counters = 0;

/** A counter behind a proxy that notes the sync status each time an upload goes through. */
const setUp = async () => {
  const t = testCore();
  const seen: (UploadProgress | null)[] = [];
  let status: () => { uploadProgress: UploadProgress | null } = () => ({ uploadProgress: null });
  proxy = await startFaultProxy(central.get().url, (_n, _m, path) => {
    if (path === ATTACHMENT_UPLOAD_PATH) seen.push(status().uploadProgress);
    return 'pass';
  });
  const sync = await enrolledSync(t, central.get(), {
    url: proxy.url,
    changeAppliers: formsChangeAppliers(t.core.deps),
    timeoutMs: 5_000,
  });
  status = sync.status;
  const admin = await t.signInAs('admin');
  counters += 1;
  await t.call('settingsUpdate', { counterCode: `R${counters}` }, admin);
  return { t, sync, admin, seen };
};

describe('uploads in the sync report (central on 127.0.0.1)', () => {
  it('counts uploaded files and bytes in the report, with progress while they go', async () => {
    const { t, sync, admin, seen } = await setUp();
    await t.call('formsFile', incidencia({ attachments: [photo('a'), photo('bb')] }), admin);
    const sizes = [tinyPng('a').length, tinyPng('bb').length];
    const total = sizes[0]! + sizes[1]!;
    expect(sync.status().uploads).toEqual({ waiting: 2, waitingBytes: total, failed: 0 });

    const run = await sync.syncOnce();
    expect(run.error).toBeNull();
    expect(run.report).toMatchObject({
      uploaded: 2,
      uploadedBytes: total,
      uploadFailed: 0,
      uploadsWaiting: 0,
    });
    // As each upload left: files and bytes done so far, out of both.
    expect(seen).toEqual([
      { done: 0, total: 2, bytesDone: 0, bytesTotal: total },
      { done: 1, total: 2, bytesDone: sizes[0], bytesTotal: total },
    ]);
    expect(sync.status()).toMatchObject({
      uploads: { waiting: 0, waitingBytes: 0, failed: 0 },
      uploadProgress: null,
    });
    // Nothing more to send: the next run reports no uploads.
    expect((await sync.syncOnce()).report).toMatchObject({ uploaded: 0, uploadedBytes: 0 });
  }, 60_000);

  it('shows a failed upload with its reason; retry sends it again, discard stops it and keeps the file', async () => {
    const { t, sync, admin } = await setUp();
    const filed = await t.call('formsFile', incidencia({ attachments: [photo('bad')] }), admin);
    const id = t.core.deps.db
      .prepare('SELECT id FROM registry_attachments WHERE entry_id = ?')
      .pluck()
      .get(filed.entryId) as string;
    const file = join(attachmentsDir(t.dataDir), `${id}.enc`);
    writeFileSync(file, Buffer.from('damaged'));

    const run = await sync.syncOnce();
    expect(run.report).toMatchObject({ uploaded: 0, uploadFailed: 1, uploadsWaiting: 1 });
    expect(sync.status().uploads).toMatchObject({ waiting: 1, failed: 1 });
    const failed = await t.call('syncUploadList', { status: 'failed', limit: 100 }, admin);
    // Central numbered the entry in the same run: the row shows the number staff now know it by.
    const official = t.core.deps.db
      .prepare('SELECT official_number FROM registry_entries WHERE id = ?')
      .pluck()
      .get(filed.entryId) as string | null;
    expect(official).not.toBeNull();
    expect(failed).toEqual({
      total: 1,
      items: [
        {
          attachmentId: id,
          entryNumber: official,
          filename: 'bad.png',
          size: tinyPng('bad').length,
          lastError: 'forms_attachment_corrupt',
        },
      ],
    });
    expect((await t.call('syncUploadList', { status: 'waiting', limit: 100 }, admin)).total).toBe(
      0,
    );

    // A clerk may look but not act.
    const clerk = await t.signInAs('clerk');
    await expect(t.call('syncUploadRetry', { attachmentId: id }, clerk)).rejects.toMatchObject({
      code: 'forbidden',
    });

    // Retry: tried again on the very next run, not an hour later; still damaged, so refused again.
    await t.call('syncUploadRetry', { attachmentId: id }, admin);
    expect((await t.call('syncUploadList', { status: 'waiting', limit: 100 }, admin)).total).toBe(
      1,
    );
    expect((await sync.syncOnce()).report).toMatchObject({ uploadFailed: 1 });

    await t.call('syncUploadDiscard', { attachmentId: id, reason: 'archivo dañado' }, admin);
    expect(sync.status().uploads).toEqual({ waiting: 0, waitingBytes: 0, failed: 0 });
    // A second discard finds nothing to discard.
    await expect(
      t.call('syncUploadDiscard', { attachmentId: id, reason: 'otra vez' }, admin),
    ).rejects.toMatchObject({ code: 'sync_upload_not_found' });
    const sent = proxy?.log.filter((r) => r.path === ATTACHMENT_UPLOAD_PATH).length;
    t.clock.advance(2 * 60 * 60_000);
    expect((await sync.syncOnce()).report).toMatchObject({ uploadFailed: 0, uploadsWaiting: 0 });
    expect(proxy?.log.filter((r) => r.path === ATTACHMENT_UPLOAD_PATH).length).toBe(sent);
    expect(existsSync(file)).toBe(true);

    const actions = t.core.deps.db
      .prepare(
        `SELECT action, details FROM audit_log WHERE action LIKE 'sync.upload_%' ORDER BY seq`,
      )
      .all() as { action: string; details: string }[];
    expect(actions.map((a) => a.action)).toEqual(['sync.upload_retried', 'sync.upload_discarded']);
    expect(JSON.parse(actions[1]?.details ?? '{}')).toMatchObject({
      filename: 'bad.png',
      error: 'forms_attachment_corrupt',
      reason: 'archivo dañado',
    });
  }, 60_000);
});
