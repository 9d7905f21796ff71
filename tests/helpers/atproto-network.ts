import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AtpAgent } from '@atproto/api';
import type { TestPds, TestPlc } from '@atproto/dev-env';

/** One account on the local PDS, signed in. */
export interface TestAccount {
  readonly did: string;
  readonly handle: string;
  readonly password: string;
  readonly agent: AtpAgent;
}

/** A real PLC directory and PDS in this process, on loopback only. */
export interface AtprotoNetwork {
  readonly plcUrl: string;
  readonly pdsUrl: string;
  readonly pds: TestPds;
  createAccount(
    name: string,
    profile?: { displayName?: string; avatar?: { bytes: Buffer; type: string } },
  ): Promise<TestAccount>;
  /** Posts `text` from the account; returns the record's key. */
  post(account: TestAccount, text: string): Promise<string>;
  /** The records of `collection` in the account's repository, read straight from the PDS. */
  records(did: string, collection: string): Promise<{ uri: string; value: unknown }[]>;
  /** Takes the account down as an admin would: its repository stops answering. */
  takeDown(did: string): Promise<void>;
  /** Lifts the takedown: the repository answers again. */
  restore(did: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The servers call `listen(port)` with no host, which binds every interface: while they start,
 * a bare port is bound to 127.0.0.1 instead, so nothing is reachable from outside the machine.
 */
const onLoopback = async <T>(start: () => Promise<T>): Promise<T> => {
  const original = http.Server.prototype.listen;
  const patched = function (this: http.Server, ...args: unknown[]) {
    const [port, maybeHost] = args;
    if (typeof port === 'number' && typeof maybeHost !== 'string') {
      return Reflect.apply(original, this, [port, '127.0.0.1', ...args.slice(1)]) as http.Server;
    }
    return Reflect.apply(original, this, args) as http.Server;
  };
  http.Server.prototype.listen = patched as typeof original;
  try {
    return await start();
  } finally {
    http.Server.prototype.listen = original;
  }
};

/** Starts a PLC directory and a PDS; each network writes only into its own temporary folder. */
export const startAtprotoNetwork = async (): Promise<AtprotoNetwork> => {
  const { TestPds, TestPlc } = await import('@atproto/dev-env');
  const { AtpAgent } = await import('@atproto/api');
  const dir = mkdtempSync(join(tmpdir(), 'ventanilla-atproto-'));
  mkdirSync(join(dir, 'pds'));
  const plc: TestPlc = await onLoopback(() => TestPlc.create({}));
  const plcUrl = `http://127.0.0.1:${plc.port}`;
  const pds: TestPds = await onLoopback(() =>
    TestPds.create({
      didPlcUrl: plcUrl,
      dataDirectory: join(dir, 'pds'),
      blobstoreDiskLocation: join(dir, 'blobs'),
    }),
  );
  const pdsUrl = `http://127.0.0.1:${pds.port}`;
  let n = 0;

  const createAccount = async (
    name: string,
    profile: { displayName?: string; avatar?: { bytes: Buffer; type: string } } = {},
  ) => {
    const agent = new AtpAgent({ service: pdsUrl });
    const handle = `${name}.test`;
    const password = `pw-${name}-${(n += 1)}`;
    await agent.createAccount({ handle, email: `${name}@example.test`, password });
    const did = agent.session?.did;
    if (!did) throw new Error('the PDS created no session');
    if (profile.displayName !== undefined || profile.avatar) {
      const avatar = profile.avatar
        ? (await agent.uploadBlob(profile.avatar.bytes, { encoding: profile.avatar.type })).data
            .blob
        : undefined;
      await agent.com.atproto.repo.putRecord({
        repo: did,
        collection: 'app.bsky.actor.profile',
        rkey: 'self',
        record: {
          $type: 'app.bsky.actor.profile',
          ...(profile.displayName !== undefined ? { displayName: profile.displayName } : {}),
          ...(avatar ? { avatar } : {}),
        },
      });
    }
    return { did, handle, password, agent };
  };

  const post = async (account: TestAccount, text: string) => {
    const res = await account.agent.com.atproto.repo.createRecord({
      repo: account.did,
      collection: 'app.bsky.feed.post',
      record: { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString() },
    });
    return res.data.uri.split('/').at(-1) ?? '';
  };

  const records = async (did: string, collection: string) => {
    const agent = new AtpAgent({ service: pdsUrl });
    const res = await agent.com.atproto.repo.listRecords({ repo: did, collection, limit: 100 });
    return res.data.records.map((r) => ({ uri: r.uri, value: r.value }));
  };

  const setTakedown = async (did: string, applied: boolean) => {
    const agent = new AtpAgent({ service: pdsUrl });
    await agent.com.atproto.admin.updateSubjectStatus(
      { subject: { $type: 'com.atproto.admin.defs#repoRef', did }, takedown: { applied } },
      { headers: pds.adminAuthHeaders(), encoding: 'application/json' },
    );
  };

  return {
    plcUrl,
    pdsUrl,
    pds,
    createAccount,
    post,
    records,
    takeDown: (did) => setTakedown(did, true),
    restore: (did) => setTakedown(did, false),
    close: async () => {
      await pds.close();
      await plc.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
