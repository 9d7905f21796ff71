import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src/core/app/dispatch';
import { fileIsEncrypted } from '../../../src/core/system/database-check';
import { tempDir } from '../../helpers/temp-dir';
import { testCore } from '../../helpers/test-core';

const PASSWORD = 'correct horse battery';
const local = (staff?: string): Caller => ({
  local: { osUser: 'it', staff: staff ? { username: staff, password: PASSWORD } : undefined },
});

describe('the local caller (the CLI) goes through the contract', () => {
  it('calls what the contract opens to the local operator, audited as cli:<user>', async () => {
    const t = testCore();
    const added = await t.core.dispatch(
      'staffAdd',
      { username: 'root', displayName: 'Root', role: 'admin', password: PASSWORD },
      local(),
    );
    expect(added.envelope).toMatchObject({ ok: true, value: { username: 'root' } });
    const actor = t.core.deps.db
      .prepare(`SELECT actor_name FROM audit_log WHERE action = 'staff.created'`)
      .pluck()
      .get();
    expect(actor).toBe('cli:it');
  });

  it('needs a staff sign-in with a role the operation allows where the contract says so', async () => {
    const t = testCore();
    await t.signInAs('clerk', 'clara');
    await t.signInAs('manager', 'marta');
    const erase = { residentId: 'R404', confirm: 'R404' };
    const alone = await t.core.dispatch('privacyErase', erase, local());
    expect(alone).toMatchObject({ status: 403, envelope: { error: { code: 'forbidden' } } });
    const clerk = await t.core.dispatch('privacyErase', erase, local('clara'));
    expect(clerk).toMatchObject({ status: 403, envelope: { error: { code: 'forbidden' } } });
    const wrong = await t.core.dispatch('privacyErase', erase, {
      local: { osUser: 'it', staff: { username: 'marta', password: 'not the password' } },
    });
    expect(wrong.envelope).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    // The manager gets past the role check to the operation's own answer.
    const manager = await t.core.dispatch('privacyErase', erase, local('marta'));
    expect(manager.envelope).toMatchObject({
      ok: false,
      error: { code: 'privacy_resident_not_found' },
    });
  });

  it('refuses a local-only operation over a transport, even to an admin', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    const run = await t.core.dispatch('privacyRetentionRun', {}, { sessionId: admin });
    expect(run).toMatchObject({ status: 403, envelope: { error: { code: 'forbidden' } } });
    const ok = await t.core.dispatch('privacyRetentionRun', {}, local());
    expect(ok.envelope).toMatchObject({ ok: true });
  });
});

describe('database status', () => {
  it('reads the encryption from the file: the core encrypted, a plain SQLite file not', async () => {
    const t = testCore();
    const admin = await t.signInAs('admin');
    expect(await t.call('systemStatus', {}, admin)).toMatchObject({ encrypted: true });
    expect(await t.call('dbCheck', {}, admin)).toMatchObject({
      encrypted: true,
      integrity: 'ok',
      schemaVersion: t.core.deps.schemaVersion,
    });
    const plain = join(tempDir(), 'plain.db');
    const db = new Database(plain);
    db.exec('CREATE TABLE x (a INTEGER)');
    db.close();
    expect(fileIsEncrypted(plain)).toBe(false);
  });

  it('is for admins at the counter', async () => {
    const t = testCore();
    await expect(t.call('dbCheck', {}, await t.signInAs('manager'))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
