import { z } from 'zod';

/** The closed list of audited actions. Features append theirs; names are `area.verb`. */
export const auditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.account_locked',
  'auth.session_locked',
  'auth.session_unlocked',
  'staff.created',
  'staff.disabled',
  'staff.enabled',
  'staff.role_changed',
  'staff.password_reset',
  'staff.password_changed',
  'settings.changed',
  'audit.viewed',
  'audit.exported',
  'audit.printed',
  'forms.filed',
  'forms.receipt_printed',
  'forms.official_number_assigned',
  'forms.template_updated',
  'forms.config_changed',
  'forms.attachments_removed',
  'register.imported',
  'sync.enrolled',
  'sync.item_retried',
  'sync.item_discarded',
] as const;

export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;
