import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { type RunningCentral, startCentral, storeVariants } from '../../central/harness';
import { type AtprotoNetwork, startAtprotoNetwork } from '../../helpers/atproto-network';

// The outside services the audit completeness cases need, each started on first use and once per
// test file: a PGlite start costs seconds, a PLC directory and PDS a few more.

/** One embedded central for the enrolment case, started on first use (PGlite costs seconds). */
let central: Promise<RunningCentral> | undefined;
export const enrolCentral = (): Promise<RunningCentral> => {
  const pglite = storeVariants[0];
  if (!pglite) throw new Error('no embedded central');
  central ??= startCentral(pglite, {});
  return central;
};
afterAll(async () => (await central)?.close());

/** A real PLC directory and PDS for the automatic code proof, started on first use. */
let atproto: Promise<AtprotoNetwork> | undefined;
export const blueskyAccount = async () => {
  atproto ??= startAtprotoNetwork();
  const net = await atproto;
  process.env.VENTANILLA_BLUESKY_RESOLVER = net.pdsUrl;
  process.env.VENTANILLA_BLUESKY_PLC = net.plcUrl;
  const account = await net.createAccount(`audit-${randomUUID().slice(0, 8)}`);
  return { handle: account.handle, post: (text: string) => net.post(account, text) };
};
const lookupsBefore = { ...process.env };
afterAll(async () => {
  process.env = lookupsBefore;
  await (await atproto)?.close();
});
