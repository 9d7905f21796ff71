import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadPendingAttachments } from '../../../src/core/forms/attachment-upload';
import { attachmentsDir } from '../../../src/core/forms/attachment-store';
import type { Send } from '../../../src/core/sync/sync-steps';
import { MAX_ATTACHMENT_BYTES } from '../../../src/shared/contract/forms';
import { SYSTEM, testCore } from '../../helpers/test-core';
import { incidencia, runAttachmentRetention, tinyPng } from './forms-fixtures';

const DAY = 24 * 60 * 60_000;

const withPhoto = (marker: string) =>
  incidencia({
    attachments: [
      {
        filename: 'foto.png',
        mediaType: 'image/png',
        dataBase64: tinyPng(marker).toString('base64'),
      },
    ],
  });

describe('attachments', () => {
  it('are encrypted at rest: the plain bytes are in neither the attachment file nor the database', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    const filed = await t.call('formsFile', withPhoto('secret-photo'), clerk);
    const entry = await t.call('formsGet', { id: filed.entryId }, clerk);
    const [info] = entry.attachments;
    if (!info) throw new Error('no attachment');
    expect(info).toMatchObject({
      filename: 'foto.png',
      mediaType: 'image/png',
      size: tinyPng('secret-photo').length,
      removed: false,
    });
    const files = readdirSync(attachmentsDir(t.dataDir));
    expect(files).toEqual([`${info.id}.enc`]);
    const marker = Buffer.from('PLAINTEXT-MARKER-secret-photo');
    for (const file of [
      join(attachmentsDir(t.dataDir), files[0] ?? ''),
      join(t.dataDir, 'ventanilla.db'),
      join(t.dataDir, 'ventanilla.db-wal'),
    ]) {
      if (existsSync(file)) expect(readFileSync(file).includes(marker)).toBe(false);
    }
    // The core reads it back intact, checked against the hash on the receipt.
    expect(t.core.services.forms.readAttachment(info.id).equals(tinyPng('secret-photo'))).toBe(
      true,
    );
    // A sealed file moved onto another attachment's name does not open.
    const other = await t.call('formsFile', withPhoto('other'), clerk);
    const otherId =
      (await t.call('formsGet', { id: other.entryId }, clerk)).attachments[0]?.id ?? '';
    writeFileSync(
      join(attachmentsDir(t.dataDir), `${otherId}.enc`),
      readFileSync(join(attachmentsDir(t.dataDir), `${info.id}.enc`)),
    );
    expect(() => t.core.services.forms.readAttachment(otherId)).toThrow('forms_attachment_corrupt');
  });

  it('refuses oversize, disguised or surplus files without saving anything', async () => {
    const t = testCore();
    const clerk = await t.signInAs('clerk');
    const big = Buffer.concat([tinyPng('big'), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    await expect(
      t.call(
        'formsFile',
        incidencia({
          attachments: [
            { filename: 'big.png', mediaType: 'image/png', dataBase64: big.toString('base64') },
          ],
        }),
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const justOver = Buffer.concat([
      tinyPng('big'),
      Buffer.alloc(MAX_ATTACHMENT_BYTES - tinyPng('big').length + 1),
    ]);
    await expect(
      t.call(
        'formsFile',
        incidencia({
          attachments: [
            {
              filename: 'big.png',
              mediaType: 'image/png',
              dataBase64: justOver.toString('base64'),
            },
          ],
        }),
        clerk,
      ),
    ).rejects.toMatchObject({
      code: 'forms_attachment_too_large',
      params: { file: 'big.png', mb: 8 },
    });
    await expect(
      t.call(
        'formsFile',
        incidencia({
          attachments: [
            {
              filename: 'x.pdf',
              mediaType: 'application/pdf',
              dataBase64: tinyPng('x').toString('base64'),
            },
          ],
        }),
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'forms_attachment_unreadable' });
    const four = Array.from({ length: 4 }, (_, i) => ({
      filename: `${i}.png`,
      mediaType: 'image/png' as const,
      dataBase64: tinyPng(String(i)).toString('base64'),
    }));
    await expect(
      t.call('formsFile', incidencia({ attachments: four }), clerk),
    ).rejects.toMatchObject({
      code: 'forms_too_many_attachments',
      params: { max: 3 },
    });
    expect(t.core.deps.db.prepare('SELECT count(*) n FROM registry_entries').get()).toEqual({
      n: 0,
    });
    expect(
      existsSync(attachmentsDir(t.dataDir)) ? readdirSync(attachmentsDir(t.dataDir)) : [],
    ).toEqual([]);
  });

  it('are removed the configured number of days after central confirms the upload, and the rows keep their hashes', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    await t.call('formsConfigUpdate', { attachmentRetentionDays: 30 }, admin);
    const filed = await t.call('formsFile', withPhoto('keep'), admin);
    const db = t.core.deps.db;
    const forms = t.core.services.forms;
    const { id, sha256 } = db.prepare('SELECT id, sha256 FROM registry_attachments').get() as {
      id: string;
      sha256: string;
    };
    const file = join(attachmentsDir(t.dataDir), `${id}.enc`);
    const sent: string[] = [];
    // Central's answer to an upload, as the loopback tests get it for real.
    const centralSays =
      (status: number, body: unknown): Send =>
      async (_method, path) => {
        sent.push(path);
        return { status, body, retryAfterMs: undefined };
      };
    const upload = (send: Send) => uploadPendingAttachments(t.core.deps, send);

    // Still queued: nothing is uploaded before central knows the entry, nothing is removed.
    expect(await upload(centralSays(200, { sha256, status: 'stored' }))).toEqual({
      uploaded: 0,
      uploadedBytes: 0,
      refused: 0,
    });
    expect(sent).toEqual([]);
    t.clock.advance(90 * DAY);
    expect(runAttachmentRetention(t)).toEqual({ removed: 0, orphansRemoved: 0 });
    // Central acknowledged the outbox items: that carries hashes, not bytes, so nothing goes yet.
    db.prepare(`DELETE FROM outbox WHERE kind IN ('registry.entry', 'registry.attachment')`).run();
    t.clock.advance(90 * DAY);
    expect(runAttachmentRetention(t)).toMatchObject({ removed: 0 });
    // A refused upload is noted on the row and does not count either.
    expect(await upload(centralSays(422, { error: 'attachment_hash_mismatch' }))).toEqual({
      uploaded: 0,
      uploadedBytes: 0,
      refused: 1,
    });
    expect(db.prepare('SELECT upload_error FROM registry_attachments').pluck().get()).toBe(
      'attachment_hash_mismatch',
    );
    // Not sent again on every poll: only after an hour.
    sent.length = 0;
    await upload(centralSays(422, { error: 'attachment_hash_mismatch' }));
    t.clock.advance(59 * 60_000);
    await upload(centralSays(422, { error: 'attachment_hash_mismatch' }));
    expect(sent).toEqual([]);
    t.clock.advance(60_000);
    await upload(centralSays(422, { error: 'attachment_hash_mismatch' }));
    expect(sent).toEqual(['/v1/attachments']);
    t.clock.advance(90 * DAY);
    expect(runAttachmentRetention(t)).toMatchObject({ removed: 0 });
    expect(existsSync(file)).toBe(true);

    // Central confirms it stores these bytes: the retention clock starts now.
    expect(await upload(centralSays(200, { sha256, status: 'stored' }))).toMatchObject({
      uploaded: 1,
      refused: 0,
    });
    t.clock.advance(29 * DAY);
    expect(runAttachmentRetention(t)).toMatchObject({ removed: 0 });
    expect(existsSync(file)).toBe(true);
    t.clock.advance(1 * DAY);
    expect(runAttachmentRetention(t)).toMatchObject({ removed: 1 });
    expect(existsSync(file)).toBe(false);

    const entry = forms.get(filed.entryId);
    expect(entry.attachments[0]).toMatchObject({ removed: true, sha256 });
    expect(() => forms.readAttachment(id)).toThrow('forms_attachment_not_found');
    // Each retention run wrote one entry; the one that removed the file names its registry number.
    const runs = (
      db
        .prepare(`SELECT details FROM audit_log WHERE action = 'privacy.retention_run'`)
        .pluck()
        .all() as string[]
    ).map((d) => JSON.parse(d) as { attachments: number; attachmentEntries: string[] });
    expect(runs.filter((r) => r.attachments > 0)).toEqual([
      expect.objectContaining({ attachments: 1, attachmentEntries: [entry.provisionalNumber] }),
    ]);
    // Removed files are not uploaded again, and the receipt still lists the attachment and its hash.
    sent.length = 0;
    await upload(centralSays(200, { sha256, status: 'stored' }));
    expect(sent).toEqual([]);
    const receipt = await forms.receipt(SYSTEM, filed.entryId, 'a4');
    expect(receipt.pdf.length).toBeGreaterThan(1000);
  });

  it('sweeps sealed files left by a crash before the entry committed, after a grace period', () => {
    const t = testCore();
    const dir = attachmentsDir(t.dataDir);
    mkdirSync(dir, { recursive: true });
    const stray = join(dir, '0190aaaa-0000-7000-8000-000000000000.enc');
    const fresh = join(dir, '0190bbbb-0000-7000-8000-000000000000.enc');
    writeFileSync(stray, 'x');
    writeFileSync(fresh, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(stray, old, old);
    expect(runAttachmentRetention(t).orphansRemoved).toBe(1);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
