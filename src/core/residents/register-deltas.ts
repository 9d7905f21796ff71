import { z } from 'zod';
import { CanonicalColumn } from '../../shared/contract/residents';
import { isAppError } from '../../shared/errors';
import type { ChangeAppliers } from '../sync/change-appliers';
import type { ResidentsService } from './residents-service';

/** The change type central emits for each resident it imports, updates or deregisters. */
export const REGISTER_CHANGE_TYPE = 'register.resident';

/**
 * A `register.resident` change as it travels over the signed channel. `fields` carries the
 * plain document number: the counter hashes and masks it with its own key on arrival.
 */
export const RegisterChangePayload = z.object({
  status: z.enum(['active', 'deregistered']),
  deregistered_on: z.string().nullable(),
  fields: z.partialRecord(CanonicalColumn, z.string()),
});
export type RegisterChangePayload = z.infer<typeof RegisterChangePayload>;

/**
 * Pulled register deltas into the local register (by resident id, newer versions only).
 * A change this counter cannot read, or a row its own validation refuses (say, a birth date
 * ahead of a slow clock), is skipped: throwing would roll back the page and stall every later
 * change, and central has already validated the row with the same code.
 */
export const registerChangeAppliers = (residents: ResidentsService): ChangeAppliers => ({
  [REGISTER_CHANGE_TYPE]: (_db, change) => {
    const parsed = RegisterChangePayload.safeParse(change.payload);
    if (!parsed.success) return;
    const { status, deregistered_on, fields } = parsed.data;
    try {
      residents.applyRegisterDelta({
        resident_id: change.entity_id,
        version: change.version,
        status,
        deregistered_on,
        fields,
      });
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  },
});
