import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../src/central/enrolment/service';
import { deviceKey } from '../../../src/core/device/device-key';
import type { Caller } from '../../../src/core/app/dispatch';
import { contract } from '../../../src/shared/contract';
import { blueskyAccount, enrolCentral } from './peers';
import { SYSTEM, type TestCore, testCore } from '../../helpers/test-core';
import { incidencia, tinyPng } from '../forms/forms-fixtures';

/**
 * Every operation declared `mutates: true` must write an audit entry in the same transaction
 * as its effect. The list comes from the contract, so a new mutating operation without a case
 * below fails here until someone writes one.
 */
const PASSWORD = 'correct horse battery';

interface Call {
  readonly session?: string;
  /** Operations only the operator at the machine (the CLI) calls. */
  readonly local?: true;
  readonly input: unknown;
}

const callerOf = (c: Call): Caller =>
  c.local ? { local: { osUser: 'it' } } : { sessionId: c.session };
type Case = (t: TestCore) => Promise<Call>;

const mutating = Object.entries(contract)
  .filter(([, def]) => def.mutates)
  .map(([name]) => name);

/** Calls an operation for setup and returns its value, failing loudly if it fails. */
const call = async (
  t: TestCore,
  name: string,
  input: unknown,
  session?: string,
): Promise<unknown> => {
  const { envelope } = await t.core.dispatch(name, input, { sessionId: session });
  if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
};

const staffId = (t: TestCore, username: string): number => {
  const row = t.core.services.staff.findByUsername(username);
  if (!row) throw new Error(username);
  return row.id;
};

const withClerk = async (t: TestCore) => {
  const admin = await t.signInAs('admin', 'root');
  await t.signInAs('clerk', 'ana');
  return { admin, id: staffId(t, 'ana') };
};

const REGISTER = resolve(import.meta.dirname, '../../fixtures/register');
const ocrDocument = (n = 0): Record<string, unknown> => {
  const { documents } = JSON.parse(
    readFileSync(resolve(REGISTER, 'ocr-documents.json'), 'utf8'),
  ) as {
    documents: { document: Record<string, unknown> }[];
  };
  const doc = documents[n]?.document;
  if (!doc) throw new Error(`no OCR fixture ${n}`);
  return doc;
};

const importRegister = async (t: TestCore, session: string): Promise<string> => {
  const bytes = readFileSync(resolve(REGISTER, 'padron-utf8.csv'));
  const job = (await call(
    t,
    'residentsImportUpload',
    {
      fileName: 'padron.csv',
      totalBytes: bytes.length,
      chunk: bytes.toString('base64'),
      last: true,
    },
    session,
  )) as { id: string };
  return job.id;
};

const withRegister = async (t: TestCore) => {
  const manager = await t.signInAs('manager', 'marta');
  await call(t, 'residentsImportCommit', { job: await importRegister(t, manager) }, manager);
  return manager;
};

const saved = async (
  t: TestCore,
  session: string,
  proof: 'seen_on_device' | 'challenge_code',
  n = 0,
) => {
  const document = ocrDocument(n);
  const match = (await call(t, 'verifyMatch', { document }, session)) as {
    candidates: { residentId: string }[];
  };
  const input = {
    residentId: match.candidates[0]?.residentId,
    document,
    network: 'x',
    handle: '@juancarlos',
    proof,
    startedAt: new Date(t.clock.now().getTime() - 40_000).toISOString(),
  };
  const { envelope } = await t.core.dispatch('verifySave', input, { sessionId: session });
  return { input, envelope, value: (envelope.ok ? envelope.value : null) as { id: string } | null };
};

/** The register, a failed lookup of R001's card, and a manager to exercise R001's rights. */
const privacyCase = async (t: TestCore, input: Record<string, string>): Promise<Call> => {
  t.core.services.residents.importCsv(readFileSync(resolve(REGISTER, 'padron-utf8.csv')), {
    actor: SYSTEM,
    fileName: 'padron.csv',
  });
  const clerk = await t.signInAs('clerk');
  await call(t, 'verifyRejectCandidates', { document: ocrDocument(0) }, clerk);
  return { session: await t.signInAs('manager'), input };
};

const cases: Readonly<Record<string, Case>> = {
  settingsUpdate: async (t) => ({
    session: await t.signInAs('admin'),
    input: { townName: 'Villa Nueva' },
  }),
  setupCreateAdmin: () =>
    Promise.resolve({ input: { username: 'it', displayName: 'IT', password: 'longenough' } }),
  authSignIn: async (t) => {
    await t.core.services.staff.add(SYSTEM, {
      username: 'ana',
      displayName: 'Ana',
      role: 'clerk',
      password: PASSWORD,
    });
    return { input: { username: 'ana', password: PASSWORD } };
  },
  authLock: async (t) => ({ session: await t.signInAs('clerk'), input: {} }),
  authUnlock: async (t) => {
    const session = await t.signInAs('clerk');
    await call(t, 'authLock', {}, session);
    return { session, input: { password: PASSWORD } };
  },
  authSignOut: async (t) => ({ session: await t.signInAs('clerk'), input: {} }),
  staffAdd: async (t) => ({
    session: await t.signInAs('admin'),
    input: { username: 'bob', displayName: 'Bob', role: 'clerk', password: 'xxxxxxxx' },
  }),
  staffSetDisabled: async (t) => {
    const { admin, id } = await withClerk(t);
    return { session: admin, input: { id, disabled: true } };
  },
  staffSetRole: async (t) => {
    const { admin, id } = await withClerk(t);
    return { session: admin, input: { id, role: 'manager' } };
  },
  staffResetPassword: async (t) => {
    const { admin, id } = await withClerk(t);
    return { session: admin, input: { id, password: 'a new password' } };
  },
  staffChangeOwnPassword: async (t) => ({
    session: await t.signInAs('clerk'),
    input: { currentPassword: PASSWORD, newPassword: 'another password' },
  }),
  auditList: async (t) => ({ session: await t.signInAs('manager'), input: {} }),
  auditExport: async (t) => ({ session: await t.signInAs('manager'), input: { format: 'csv' } }),
  formsConfigUpdate: async (t) => ({
    session: await t.signInAs('admin'),
    input: { attachmentRetentionDays: 30 },
  }),
  formsFile: async (t) => ({ session: await t.signInAs('clerk'), input: incidencia() }),
  formsReceipt: async (t) => {
    const session = await t.signInAs('clerk');
    const filed = (await call(t, 'formsFile', incidencia(), session)) as { entryId: string };
    return { session, input: { id: filed.entryId } };
  },
  formsReceiptPrinted: async (t) => {
    const session = await t.signInAs('clerk');
    const filed = (await call(t, 'formsFile', incidencia(), session)) as { entryId: string };
    return { session, input: { id: filed.entryId } };
  },
  auditPrinted: async (t) => ({ session: await t.signInAs('manager'), input: {} }),
  residentsImportFile: () =>
    Promise.resolve({
      local: true,
      input: { bytes: readFileSync(resolve(REGISTER, 'padron-utf8.csv')), fileName: 'padron.csv' },
    }),
  privacyRetentionRun: () => Promise.resolve({ local: true, input: {} }),
  residentsImportCommit: async (t) => {
    const session = await t.signInAs('manager');
    return { session, input: { job: await importRegister(t, session) } };
  },
  // A document the register does not hold: a failed lookup. (A successful match writes no
  // entry today, so "who looked up this document" is only answered for misses.)
  verifyMatch: async (t) => ({
    session: await withRegister(t),
    input: {
      document: {
        ...ocrDocument(),
        document_number: '00000001R',
        personal_number: '00000001R',
        surname1: 'NADIE',
        surname2: 'NADIE',
        surnames: 'NADIE NADIE',
        given_names: 'NINGUNO',
        birth_date: '1901-01-01',
      },
    },
  }),
  verifyRejectCandidates: async (t) => ({
    session: await withRegister(t),
    input: { document: ocrDocument() },
  }),
  verifySave: async (t) => {
    const session = await withRegister(t);
    const { input } = await saved(t, session, 'seen_on_device');
    // Saved once for setup; the call under test saves a second handle.
    return { session, input: { ...input, handle: '@juancarlos2' } };
  },
  verifyConfirmProof: async (t) => {
    const session = await withRegister(t);
    const { value } = await saved(t, session, 'challenge_code');
    return { session, input: { id: value?.id } };
  },
  verifyCheckProof: async (t) => {
    const session = await withRegister(t);
    const account = await blueskyAccount();
    const { envelope } = await t.core.dispatch(
      'verifySave',
      {
        ...(await saved(t, session, 'challenge_code', 1)).input,
        network: 'bluesky',
        handle: `@${account.handle}`,
      },
      { sessionId: session },
    );
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    const { id, challengeCode } = envelope.value as { id: string; challengeCode: string | null };
    await account.post(`Mi código del ayuntamiento: ${challengeCode ?? ''}`);
    return { session, input: { id } };
  },
  verifyRevoke: async (t) => {
    const session = await withRegister(t);
    const { value } = await saved(t, session, 'seen_on_device');
    return {
      session,
      input: { id: value?.id, ground: 'resident_request', reason: 'Lo pide el vecino' },
    };
  },
  verifyResolveConflict: async (t) => {
    const session = await withRegister(t);
    await saved(t, session, 'seen_on_device', 0);
    // A second resident claims the same handle: the save is refused and a conflict queued.
    expect((await saved(t, session, 'seen_on_device', 1)).envelope).toMatchObject({
      ok: false,
      error: { code: 'handle_conflict' },
    });
    const [conflict] = (await call(t, 'verifyConflicts', {}, session)) as { id: string }[];
    return { session, input: { id: conflict?.id, decision: 'reject', reason: 'No es su cuenta' } };
  },
  verifyPolicy: async (t) => ({
    session: await t.signInAs('manager'),
    input: { validityMonths: 12 },
  }),
  syncRetry: async (t) => {
    const session = await t.signInAs('manager');
    return { session, input: { seq: rejectOne(t.core.deps.db) } };
  },
  syncDiscard: async (t) => {
    const session = await t.signInAs('manager');
    return { session, input: { seq: rejectOne(t.core.deps.db), reason: 'duplicado' } };
  },
  syncEnrol: async (t) => {
    const central = await enrolCentral();
    // The device key is made once, on first need: set-up here, not part of the enrolment.
    deviceKey(t.core.deps.db);
    const { code } = await createEnrolmentCode(central.store, 'Mostrador 1', new Date());
    return { session: await t.signInAs('admin'), input: { centralUrl: central.url, code } };
  },
  privacyRetentionUpdate: async (t) => ({
    session: await t.signInAs('manager'),
    input: { failedLookupDays: 7 },
  }),
  privacyLookup: async (t) => privacyCase(t, { residentId: 'R001' }),
  privacyExport: async (t) => privacyCase(t, { residentId: 'R001' }),
  privacyExportPdf: async (t) => privacyCase(t, { residentId: 'R001' }),
  privacyErase: async (t) => privacyCase(t, { residentId: 'R001', confirm: 'R001' }),
  privacyCentralRequest: async (t) =>
    privacyCase(t, { kind: 'erase', residentId: 'R001', confirm: 'R001' }),
  syncUploadRetry: async (t) => failedUpload(t),
  syncUploadDiscard: async (t) => {
    const { session, input } = await failedUpload(t);
    return { session, input: { ...input, reason: 'archivo dañado' } };
  },
};

/** A filed photo whose upload central refused, and a manager to act on it. */
const failedUpload = async (
  t: TestCore,
): Promise<{ session: string; input: { attachmentId: string } }> => {
  const clerk = await t.signInAs('clerk');
  const photo = {
    filename: 'f.png',
    mediaType: 'image/png' as const,
    dataBase64: tinyPng('audit').toString('base64'),
  };
  await call(t, 'formsFile', incidencia({ attachments: [photo] }), clerk);
  const attachmentId = t.core.deps.db
    .prepare(
      `UPDATE registry_attachments SET upload_error = 'attachment_hash_mismatch' RETURNING id`,
    )
    .pluck()
    .get() as string;
  return { session: await t.signInAs('manager'), input: { attachmentId } };
};

/** Central refused the oldest queued op: what a manager retries or discards. */
const rejectOne = (db: Database): number => {
  const seq = db.prepare('SELECT min(seq) FROM outbox').pluck().get() as number;
  db.prepare(`UPDATE outbox SET status = 'rejected', last_error = 'test' WHERE seq = ?`).run(seq);
  return seq;
};

const headSeq = (db: Database): number =>
  db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;

/** Every row of every table, hashed: "nothing changed" means exactly that. */
const snapshot = (db: Database): string => {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const h = createHash('sha256');
  for (const table of tables)
    h.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  return h.digest('hex');
};

describe('every state-changing operation is audited in its own transaction', () => {
  it('has a case for every mutating operation in the contract', () => {
    expect(mutating.filter((name) => !Object.hasOwn(cases, name))).toEqual([]);
  });

  for (const name of mutating) {
    const prepare = cases[name];
    if (!prepare) continue;
    it(
      name,
      async () => {
        // 1. It succeeds and the chain grows, with the entry queued for central.
        const t = testCore();
        const ok = await prepare(t);
        const before = headSeq(t.core.deps.db);
        const { envelope } = await t.core.dispatch(name, ok.input, callerOf(ok));
        expect(envelope, name).toMatchObject({ ok: true });
        const after = headSeq(t.core.deps.db);
        expect(after, `${name} wrote no audit entry`).toBeGreaterThan(before);
        const queued = t.core.deps.db
          .prepare(
            `SELECT count(*) FROM outbox WHERE kind = 'audit.entry' AND CAST(entity_id AS INTEGER) > ?`,
          )
          .pluck()
          .get(before);
        expect(queued).toBe(after - before);

        // 2. When the audit write fails, the effect is rolled back with it: nothing is saved.
        const u = testCore();
        const doomed = await prepare(u);
        const db = u.core.deps.db;
        const untouched = snapshot(db);
        db.exec(`CREATE TEMP TRIGGER audit_down BEFORE INSERT ON main.audit_log
               BEGIN SELECT RAISE(ABORT, 'audit down'); END`);
        const failed = await u.core.dispatch(name, doomed.input, callerOf(doomed));
        expect(failed.envelope.ok, `${name} succeeded without its audit entry`).toBe(false);
        expect(snapshot(db), `${name} kept its effect without its audit entry`).toBe(untouched);
      },
      60_000,
    );
  }
});
