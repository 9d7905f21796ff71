import { z } from 'zod';
import type { CoreDeps } from '../app/deps';
import type { ChangeAppliers } from '../sync/change-appliers';
import { applyOfficialNumber, confirmStoredAtCentral } from './entries';
import { applyTemplateVersion } from './templates';

const OfficialNumber = z.object({
  entry_id: z.string().min(1),
  official_number: z.string().trim().min(1).max(60),
  assigned_at: z.string().min(1),
});

const EntryStored = z.object({
  entry_id: z.string().min(1),
  attachments: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});

const CENTRAL = { staffId: null, username: 'central', role: 'system' } as const;

/**
 * What central sends back by pull for this feature. Both run inside the sync page transaction
 * (our own transactions nest as savepoints) and are idempotent, so a replayed page is harmless.
 */
export const formsChangeAppliers = (deps: CoreDeps): ChangeAppliers => ({
  'registry.official_number': (db, change) => {
    const payload = OfficialNumber.parse(change.payload);
    // Only this counter's entries come back; anything else is not ours to number.
    if (!db.prepare('SELECT 1 FROM registry_entries WHERE id = ?').get(payload.entry_id)) return;
    applyOfficialNumber(deps, payload.entry_id, payload.official_number, payload.assigned_at);
  },
  'registry.entry_stored': (db, change) => {
    const payload = EntryStored.parse(change.payload);
    if (!db.prepare('SELECT 1 FROM registry_entries WHERE id = ?').get(payload.entry_id)) return;
    // A mismatch keeps the files: central will have to confirm again with the right hashes.
    confirmStoredAtCentral(deps, payload.entry_id, payload.attachments);
  },
  'forms.template': (_db, change) => {
    applyTemplateVersion(deps, CENTRAL, change.payload);
  },
});
