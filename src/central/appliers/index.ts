import { auditAppliers } from './audit';
import { registryAppliers } from './registry';
import type { OpAppliers } from './types';
import { verificationAppliers } from './verifications';

/**
 * Every op kind central knows how to apply, keyed by outbox `kind`. Features add one line
 * spreading their own appliers (e.g. `...auditAppliers`); see `./types.ts` for the signature.
 * A kind missing here is rejected with `unknown_kind`, which never blocks later ops.
 */
export const opAppliers: OpAppliers = {
  ...registryAppliers,
  ...auditAppliers,
  ...verificationAppliers,
};

export { OpRejected } from './types';
export type { CentralDevice, CentralTx, NewChange, OpApplier, OpAppliers, PushedOp } from './types';
