import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVerificationDesk } from '../../../src/core/verifications';
import { ensureFixtures, GENERATED_DIR } from '../../fixtures/cards/generate';
import { SYSTEM, testCore } from '../../helpers/test-core';
import { ocrDocument } from '../../helpers/ocr-document';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
// A clean clone has no rendered cards yet: render them (deterministically) first.
await ensureFixtures(1);
const CARD = readFileSync(join(GENERATED_DIR, 'dni_back-0-clean.png'));
const PLAIN = '74252101';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

const IMAGE_MAGIC = [
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from('RIFF'),
];

/** The real register import, a clerk and a manager: the desk through the real dispatcher. */
const counter = async () => {
  const t = testCore();
  t.core.services.residents.importCsv(readFileSync(join(FIXTURES, 'register/padron-utf8.csv')), {
    actor: SYSTEM,
    fileName: 'padron-utf8.csv',
  });
  const clerk = await t.signInAs('clerk', 'clara');
  const manager = await t.signInAs('manager', 'marta');
  return { t, clerk, manager };
};

describe('verification desk operations', () => {
  it('reads a card, finds the resident, saves, prints, and keeps no image or plain number', async () => {
    const { t, clerk } = await counter();
    const { result, startedAt } = await t.call(
      'verifyReadImage',
      { front: CARD.toString('base64') },
      clerk,
    );
    expect(result.document.document_number).toBe('74252101M');
    const match = await t.call('verifyMatch', { document: result.document }, clerk);
    expect(match.candidates[0]).toMatchObject({
      residentId: 'R001',
      verdict: 'strong',
      // The name comes from the register (accents and all), not from the MRZ text.
      fullName: 'Juan Carlos Díaz Ibáñez',
    });
    t.clock.advance(35_000);
    const v = await t.call(
      'verifySave',
      {
        residentId: 'R001',
        document: result.document,
        network: 'x',
        handle: '@JuanCarlos_52',
        proof: 'seen_on_device',
        startedAt,
      },
      clerk,
    );
    expect(v).toMatchObject({
      state: 'verified',
      timeToVerifyMs: 35_000,
      documentMasked: '***5210**',
    });
    expect(await t.call('verifyToday', {}, clerk)).toEqual({
      done: 1,
      medianMs: 35_000,
      pendingProofs: 0,
      conflictsWaiting: 0,
    });

    const receipt = await t.call('verifyReceipt', { id: v.id, language: 'es' }, clerk);
    expect(Buffer.from(receipt.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    for (const file of filesUnder(t.dataDir)) {
      const bytes = readFileSync(file);
      expect(
        IMAGE_MAGIC.some((m) => bytes.subarray(0, m.length).equals(m)),
        file,
      ).toBe(false);
      expect(bytes.includes(PLAIN), file).toBe(false);
    }
    const db = t.core.deps.db;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
      expect(dump.includes(PLAIN), name).toBe(false);
    }
  }, 60_000);

  it('keeps the conflict queue and the failed-lookup log to managers', async () => {
    const { t, clerk, manager } = await counter();
    await expect(t.call('verifyConflicts', { state: 'open' }, clerk)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const stranger = ocrDocument({ document_number: '11111111H' });
    expect(await t.call('verifyMatch', { document: stranger }, clerk)).toMatchObject({
      outcome: 'not_in_register',
    });
    expect(await t.call('verifyFailedLookups', { limit: 10 }, manager)).toMatchObject([
      { staffName: 'clara', documentMasked: '***1111**', reason: 'not_in_register' },
    ]);
    expect(await t.call('verifyPolicy', { validityMonths: 12 }, manager)).toEqual({
      validityMonths: 12,
    });
    await expect(t.call('verifyPolicy', {}, clerk)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a malformed handle with the network’s own rule', async () => {
    const { t, clerk } = await counter();
    const document = ocrDocument({ document_number: '74252101M', expiry_date: '2034-07-13' });
    await expect(
      t.call(
        'verifySave',
        {
          residentId: 'R001',
          document,
          network: 'mastodon',
          handle: '@juan',
          proof: 'seen_on_device',
          startedAt: t.clock.now().toISOString(),
        },
        clerk,
      ),
    ).rejects.toMatchObject({ code: 'invalid_handle_mastodon' });
    expect(await t.call('verifyHistory', { residentId: 'R001' }, clerk)).toEqual([]);
  });

  it('applies pulled online requests and proof confirmations through the sync appliers', async () => {
    const { t, clerk } = await counter();
    const desk = createVerificationDesk(t.core.deps, t.core.services.residents, () =>
      Promise.reject(new Error('not used')),
    );
    const pulled = (type: string, payload: unknown) => ({
      seq: 1,
      type,
      entity_id: 'e',
      version: 1,
      payload,
      created_at: t.clock.now().toISOString(),
    });
    desk.appliers['verification.request']?.(
      t.core.deps.db,
      pulled('verification.request', {
        id: 'REQ-9',
        residentId: 'R002',
        network: 'x',
        handle: 'sofia_fuente',
        requestedAt: '2026-03-01T10:00:00Z',
      }),
    );
    expect(await t.call('verifyPendingRequests', { residentId: 'R002' }, clerk)).toMatchObject([
      { id: 'REQ-9', handle: '@sofia_fuente' },
    ]);
    const document = ocrDocument({ document_number: '75996735C', expiry_date: '2034-03-09' });
    const v = await t.call(
      'verifySave',
      {
        residentId: 'R002',
        document,
        network: 'x',
        handle: '@sofia_fuente',
        proof: 'challenge_code',
        startedAt: t.clock.now().toISOString(),
        pendingRequestId: 'REQ-9',
      },
      clerk,
    );
    desk.appliers['verification.proof_confirmed']?.(
      t.core.deps.db,
      pulled('verification.proof_confirmed', { verificationId: v.id, code: v.challengeCode }),
    );
    expect(await t.call('verifyGet', { id: v.id }, clerk)).toMatchObject({ state: 'verified' });
    expect(await t.call('verifyPendingRequests', { residentId: 'R002' }, clerk)).toEqual([]);
  });

  it('reads a card dropped by the scanner into its folder, then deletes the image', async () => {
    const { t, clerk } = await counter();
    expect(await t.call('verifyScannerNext', {}, clerk)).toEqual({ card: null });
    const file = join(t.dataDir, 'scanner', 'scan-0001.png');
    writeFileSync(file, CARD);
    let card: Awaited<ReturnType<typeof t.call<'verifyScannerNext'>>>['card'] = null;
    for (let i = 0; i < 120 && !card; i++) {
      await new Promise((r) => setTimeout(r, 500));
      card = (await t.call('verifyScannerNext', {}, clerk)).card;
    }
    expect(card).toMatchObject({
      ok: true,
      result: { document: { document_number: '74252101M' } },
    });
    expect(existsSync(file)).toBe(false);
    expect(await t.call('verifyScannerNext', {}, clerk)).toEqual({ card: null });
  }, 90_000);
});
