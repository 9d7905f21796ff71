import { createHash, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createEnrolmentCode } from '../../src/central/enrolment/service';
import type { OpAppliers } from '../../src/central/sync/appliers';
import { migrateCentral } from '../../src/central/db/migrate';
import { openPgStore } from '../../src/central/db/pg-store';
import { openPgliteStore } from '../../src/central/db/pglite-store';
import type { CentralStore } from '../../src/central/db/store';
import { buildCentral, type CentralOptions } from '../../src/central/server';
import type { DeviceKey } from '../../src/core/device/device-key';
import { canonicalJson } from '../../src/core/audit/canonical-json';
import { SIGNATURE_HEADERS, signingMessage, type WireOp } from '../../src/shared/contract/sync';
import { signWithDeviceKey } from '../../src/core/device/device-key';

export const PG_URL = process.env.VENTANILLA_TEST_DATABASE_URL;

export interface StoreVariant {
  readonly name: string;
  /** Why the variant is skipped, or undefined when it runs. */
  readonly skip: string | undefined;
  open(): Promise<CentralStore>;
}

/** Each PostgreSQL test gets its own schema, dropped on close. */
const openPgTestStore = async (url: string): Promise<CentralStore> => {
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = url.includes('?') ? '&' : '?';
  const store = await openPgStore(
    `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
  );
  return {
    ...store,
    close: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
};

export const storeVariants: readonly StoreVariant[] = [
  { name: 'pglite', skip: undefined, open: () => openPgliteStore(undefined) },
  {
    name: 'postgres',
    skip: PG_URL ? undefined : 'VENTANILLA_TEST_DATABASE_URL is not set',
    open: () => openPgTestStore(PG_URL ?? ''),
  },
];

export interface RunningCentral {
  readonly app: FastifyInstance;
  readonly store: CentralStore;
  readonly url: string;
  close(): Promise<void>;
}

/** A real central on 127.0.0.1 with a migrated store and a `test_notes` effect table. */
export const startCentral = async (
  variant: StoreVariant,
  appliers: OpAppliers,
  extra: Partial<CentralOptions> = {},
): Promise<RunningCentral> => {
  const store = await variant.open();
  await migrateCentral(store);
  await store.query(
    'CREATE TABLE test_notes (op_id TEXT NOT NULL, device_id TEXT NOT NULL, body TEXT NOT NULL)',
  );
  const app = buildCentral({ store, appliers, logLevel: false, ...extra });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    store,
    url,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
};

/** `test.note` writes one effect row; `test.poison` always fails. */
export const testAppliers: OpAppliers = {
  'test.note': async (tx, device, op) => {
    await tx.query('INSERT INTO test_notes (op_id, device_id, body) VALUES ($1, $2, $3)', [
      op.op_id,
      device.id,
      JSON.stringify(op.payload),
    ]);
  },
  'test.poison': async () => {
    throw new Error('poison');
  },
};

export const newDeviceKey = (): DeviceKey => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
};

export interface TestDevice {
  readonly id: string;
  readonly key: DeviceKey;
}

export const enrolTestDevice = async (
  central: RunningCentral,
  name = 'Mostrador 1',
): Promise<TestDevice> => {
  const { code } = await createEnrolmentCode(central.store, name, new Date());
  const device = { id: randomUUID(), key: newDeviceKey() };
  const res = await fetch(`${central.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, device_id: device.id, public_key: device.key.publicKeyBase64 }),
  });
  if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  return device;
};

/** Signed headers for one request; reuse them to replay it. */
export const signedHeaders = (
  device: TestDevice,
  method: string,
  path: string,
  body: string,
  at = new Date(),
): Record<string, string> => {
  const timestamp = at.toISOString();
  const nonce = randomUUID();
  const hash = createHash('sha256').update(body).digest('hex');
  return {
    'content-type': 'application/json',
    [SIGNATURE_HEADERS.device]: device.id,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signWithDeviceKey(
      device.key,
      signingMessage(method, path, timestamp, nonce, hash),
    ),
  };
};

let seq = 0;
export const wireOp = (kind: string, payload: unknown, override: Partial<WireOp> = {}): WireOp => {
  const text = canonicalJson(payload);
  seq += 1;
  return {
    op_id: randomUUID(),
    seq,
    kind,
    entity_id: `e${seq}`,
    payload: text,
    payload_sha256: createHash('sha256').update(text).digest('hex'),
    created_at: new Date().toISOString(),
    ...override,
  };
};

export const push = async (central: RunningCentral, device: TestDevice, ops: WireOp[]) => {
  const body = JSON.stringify({ protocol: 1, device_id: device.id, ops });
  const res = await fetch(`${central.url}/v1/sync/push`, {
    method: 'POST',
    headers: signedHeaders(device, 'POST', '/v1/sync/push', body),
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as { results: { op_id: string; status: string; error?: string }[] },
  };
};
