import { auditAppliers } from './audit-chain/appliers';
import { registryAppliers } from './registry/appliers';
import { privacyAppliers } from './privacy/service';
import type { OpAppliers } from './sync/appliers';
import { verificationAppliers } from './verifications/appliers';

/**
 * Every op kind central knows how to apply, keyed by outbox `kind`. Features add one line
 * spreading their own appliers (e.g. `...auditAppliers`); see `./sync/appliers.ts` for the signature.
 * A kind missing here is rejected with `unknown_kind`, which never blocks later ops.
 */
export const opAppliers: OpAppliers = {
  ...registryAppliers,
  ...auditAppliers,
  ...verificationAppliers,
  ...privacyAppliers,
};
