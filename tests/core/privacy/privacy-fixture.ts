import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { incidencia, tinyPng } from '../forms/forms-fixtures';
import { ocrDocument } from '../../helpers/ocr-document';
import { type FakeClock, SYSTEM, type TestCore, testCore } from '../../helpers/test-core';

const REGISTER = join(import.meta.dirname, '../../fixtures/register/padron-utf8.csv');

/** Two residents of the fixture register, each with their own records on one counter. */
export const JUAN = { id: 'R001', number: '74252101M', name: 'Juan Carlos' };
export const SOFIA = { id: 'R002', number: '75996735C', name: 'de la Fuente' };

const doc = (number: string) =>
  ocrDocument({ document_number: number, expiry_date: '2034-03-09', nationality: 'ESP' });

export interface PrivacyCounter {
  readonly t: TestCore;
  readonly clerk: string;
  readonly manager: string;
  /** Juan's verification still in force (x) and his revoked one (bluesky). */
  readonly juanVerified: string;
  readonly juanRevoked: string;
  readonly sofiaVerified: string;
  /** Filed with Juan as the interested party (one attachment), and as a representative. */
  readonly juanEntry: string;
  readonly juanAsRep: string;
  readonly sofiaEntry: string;
}

/**
 * The real register import, real desk and forms operations through the dispatcher: Juan and
 * Sofía each get verifications, a failed lookup and registry entries; one unknown number fails.
 */
export const privacyCounter = async (
  options: { clock?: FakeClock; dataDir?: string } = {},
): Promise<PrivacyCounter> => {
  const t = testCore(options);
  t.core.services.residents.importCsv(readFileSync(REGISTER), {
    actor: SYSTEM,
    fileName: 'padron-utf8.csv',
  });
  const clerk = await t.signInAs('clerk', 'clara');
  const manager = await t.signInAs('manager', 'marta');
  const save = async (
    residentId: string,
    number: string,
    network: 'x' | 'bluesky',
    handle: string,
  ) =>
    (
      await t.call(
        'verifySave',
        {
          residentId,
          document: doc(number),
          network,
          handle,
          proof: 'seen_on_device',
          startedAt: new Date(t.clock.now().getTime() - 40_000).toISOString(),
        },
        clerk,
      )
    ).id;
  const juanVerified = await save(JUAN.id, JUAN.number, 'x', '@juancarlos_d');
  const juanRevoked = await save(JUAN.id, JUAN.number, 'bluesky', 'juancarlos.bsky.social');
  await t.call(
    'verifyRevoke',
    { id: juanRevoked, ground: 'resident_request', reason: 'Ya no usa la cuenta' },
    clerk,
  );
  const sofiaVerified = await save(SOFIA.id, SOFIA.number, 'x', '@sofia_fuente');
  // Sofía also claims Juan's handle: refused and queued as a conflict for a manager.
  await save(SOFIA.id, SOFIA.number, 'x', '@juancarlos_d').catch(() => undefined);
  await t.call('verifyRejectCandidates', { document: doc(JUAN.number) }, clerk);
  await t.call('verifyRejectCandidates', { document: doc(SOFIA.number) }, clerk);
  await t.call('verifyMatch', { document: doc('11111111H') }, clerk);

  const juanEntry = (
    await t.call(
      'formsFile',
      incidencia({
        party: {
          kind: 'resident',
          residentId: JUAN.id,
          name: 'Juan Carlos Díaz Ibáñez',
          documentMasked: '***5210**',
          contact: 'juan@example.org',
        },
        attachments: [
          {
            filename: 'farola.png',
            mediaType: 'image/png',
            dataBase64: tinyPng('juan').toString('base64'),
          },
        ],
      }),
      clerk,
    )
  ).entryId;
  const juanAsRep = (
    await t.call(
      'formsFile',
      incidencia({
        representative: {
          name: 'Juan Carlos Díaz Ibáñez',
          document: JUAN.number,
          contact: '600 000 001',
        },
      }),
      clerk,
    )
  ).entryId;
  const sofiaEntry = (
    await t.call(
      'formsFile',
      incidencia({
        party: {
          kind: 'resident',
          residentId: SOFIA.id,
          name: 'Sofía de la Fuente Álvarez',
          documentMasked: '***9673**',
          contact: 'sofia@example.org',
        },
      }),
      clerk,
    )
  ).entryId;
  return {
    t,
    clerk,
    manager,
    juanVerified,
    juanRevoked,
    sofiaVerified,
    juanEntry,
    juanAsRep,
    sofiaEntry,
  };
};

/** As if central had confirmed it stores the entry and its attachments. */
export const markStoredAtCentral = (t: TestCore, entryId: string): void => {
  const db = t.core.deps.db;
  const at = t.clock.now().toISOString();
  db.prepare('UPDATE registry_entries SET synced_at = ? WHERE id = ?').run(at, entryId);
  db.prepare('UPDATE registry_attachments SET uploaded_at = ? WHERE entry_id = ?').run(at, entryId);
};

export const rows = <T>(t: TestCore, sql: string, ...args: unknown[]): T[] =>
  t.core.deps.db.prepare(sql).all(...args) as T[];
