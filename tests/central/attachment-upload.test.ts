import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryAppliers } from '../../src/central/registry/appliers';
import { computeEntryHash } from '../../src/core/forms/entries';
import { ATTACHMENT_UPLOAD_PATH } from '../../src/shared/contract/attachment-upload';
import {
  enrolTestDevice,
  push,
  type RunningCentral,
  signedHeaders,
  startCentral,
  storeVariants,
  type TestDevice,
  wireOp,
} from './harness';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let series = 0;

/** Pushes one entry listing `files` and its attachment ops, as a counter would. */
const pushEntry = async (central: RunningCentral, device: TestDevice, files: Buffer[]) => {
  series += 1;
  const id = randomUUID();
  const content = {
    v: 1,
    id,
    provisional_number: `18111-T${series}-2026-000001`,
    attachments: files.map(sha),
  };
  const attachments = files.map((f, i) => ({
    entry_id: id,
    id: randomUUID(),
    filename: `${i}.png`,
    media_type: 'image/png',
    size: f.length,
    sha256: sha(f),
  }));
  const res = await push(central, device, [
    wireOp('registry.entry', { ...content, entry_hash: computeEntryHash(content) }),
    ...attachments.map((a) => wireOp('registry.attachment', a)),
  ]);
  expect(res.body.results.map((r) => r.status)).toEqual(
    files.map(() => 'applied').concat('applied'),
  );
  return { id, attachments };
};

const upload = async (
  central: RunningCentral,
  device: TestDevice,
  attachmentId: string,
  sha256: string,
  bytes: Buffer,
  signed = true,
) => {
  const body = JSON.stringify({
    attachment_id: attachmentId,
    sha256,
    data_base64: bytes.toString('base64'),
  });
  const res = await fetch(`${central.url}${ATTACHMENT_UPLOAD_PATH}`, {
    method: 'POST',
    headers: signed
      ? signedHeaders(device, 'POST', ATTACHMENT_UPLOAD_PATH, body)
      : { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, body: (await res.json()) as { status?: string; error?: string } };
};

for (const variant of storeVariants) {
  describe.skipIf(variant.skip)(
    `attachment upload on ${variant.name}${variant.skip ? ` (skipped: ${variant.skip})` : ''}`,
    () => {
      let central: RunningCentral;
      beforeAll(async () => {
        central = await startCentral(variant, registryAppliers);
      });
      afterAll(async () => central.close());

      const storedChanges = (entryId: string) =>
        central.store.query<{ payload: { attachments: string[] } }>(
          `SELECT payload FROM changes WHERE type = 'registry.entry_stored' AND entity_id = $1`,
          [entryId],
        );

      it('stores both attachments of an entry uploaded at once, announces the entry complete once, and keeps one copy of repeated bytes', async () => {
        const device = await enrolTestDevice(central);
        const files = [Buffer.from(`one ${randomUUID()}`), Buffer.from(`two ${randomUUID()}`)];
        const entry = await pushEntry(central, device, files);
        const answers = await Promise.all(
          entry.attachments.map((a, i) =>
            upload(central, device, a.id, a.sha256, files[i] ?? Buffer.alloc(0)),
          ),
        );
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
        expect(answers.map((a) => a.body.status)).toEqual(['stored', 'stored']);
        expect(await storedChanges(entry.id)).toEqual([
          { payload: { entry_id: entry.id, attachments: files.map(sha) } },
        ]);
        const [first] = entry.attachments;
        if (!first) throw new Error('no attachment');
        // The same upload again: answered, nothing stored twice, nothing announced twice.
        expect(
          await upload(central, device, first.id, first.sha256, files[0] ?? Buffer.alloc(0)),
        ).toEqual({
          status: 200,
          body: { sha256: first.sha256, status: 'duplicate' },
        });
        const blobs = await central.store.query<{ bytes: Uint8Array }>(
          'SELECT bytes FROM registry_attachment_blobs WHERE sha256 = $1',
          [first.sha256],
        );
        expect(blobs).toHaveLength(1);
        expect(Buffer.from(blobs[0]?.bytes ?? []).equals(files[0] ?? Buffer.alloc(1))).toBe(true);
        expect(await storedChanges(entry.id)).toHaveLength(1);
      });

      it('refuses corrupted bytes, attachments of another device and unsigned requests', async () => {
        const device = await enrolTestDevice(central);
        const file = Buffer.from(`photo ${randomUUID()}`);
        const entry = await pushEntry(central, device, [file]);
        const [a] = entry.attachments;
        if (!a) throw new Error('no attachment');
        const corrupted = Buffer.from(file);
        corrupted[0] = (corrupted[0] ?? 0) ^ 0xff;
        expect(await upload(central, device, a.id, a.sha256, corrupted)).toMatchObject({
          status: 422,
          body: { error: 'attachment_hash_mismatch' },
        });
        const other = await enrolTestDevice(central, 'Mostrador 2');
        expect(await upload(central, other, a.id, a.sha256, file)).toMatchObject({
          status: 404,
          body: { error: 'attachment_unknown' },
        });
        expect(await upload(central, device, a.id, a.sha256, file, false)).toMatchObject({
          status: 401,
        });
        expect(
          await central.store.query('SELECT 1 FROM registry_attachment_blobs WHERE sha256 = $1', [
            a.sha256,
          ]),
        ).toEqual([]);
        expect(await storedChanges(entry.id)).toEqual([]);
      });
    },
  );
}
