/**
 * Every code central puts in its `{error, server_time}` refusals. The counter maps each one to a
 * sentence of its own (`errors.sync_<code>`); any other answer reads as a generic failure with
 * its HTTP status, so nothing central sends can reach a person as a raw key.
 */
export const CENTRAL_ERROR_CODES = [
  // Any route
  'invalid_request',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  // Enrolment
  'bad_public_key',
  'enrolment_code_invalid',
  'enrolment_code_expired',
  'device_exists',
  // Signed requests
  'signature_missing',
  'clock_skew',
  'unknown_device',
  'bad_signature',
  'device_revoked',
  'replayed_request',
  // Attachments
  'attachment_unknown',
  'attachment_hash_mismatch',
  // Staff-token routes (the town's integration)
  'bad_token',
  'unknown_request',
  'request_used',
  'unknown_verification',
  'code_mismatch',
  'not_pending_proof',
  'challenge_expired',
  'already_ended',
  'proof_attempts_exhausted',
  // Data-subject requests (export, erasure) run at central
  'unknown_resident',
  // The web console (central's staff accounts)
  'invalid_credentials',
  'account_locked',
  'session_invalid',
  'session_locked',
  'role_forbidden',
  'username_taken',
  'unknown_conflict',
  'conflict_closed',
  // A machine client's token used outside its scopes
  'scope_forbidden',
] as const;
export type CentralErrorCode = (typeof CENTRAL_ERROR_CODES)[number];

/**
 * The counter's error code for each refusal, spelled out (not built as `sync_` + code) so that
 * a search for a code finds where it comes from. The type checks each one against its key.
 */
export const COUNTER_CODE: { readonly [C in CentralErrorCode]: `sync_${C}` } = {
  invalid_request: 'sync_invalid_request',
  not_found: 'sync_not_found',
  payload_too_large: 'sync_payload_too_large',
  unsupported_media_type: 'sync_unsupported_media_type',
  rate_limited: 'sync_rate_limited',
  internal: 'sync_internal',
  bad_public_key: 'sync_bad_public_key',
  enrolment_code_invalid: 'sync_enrolment_code_invalid',
  enrolment_code_expired: 'sync_enrolment_code_expired',
  device_exists: 'sync_device_exists',
  signature_missing: 'sync_signature_missing',
  clock_skew: 'sync_clock_skew',
  unknown_device: 'sync_unknown_device',
  bad_signature: 'sync_bad_signature',
  device_revoked: 'sync_device_revoked',
  replayed_request: 'sync_replayed_request',
  attachment_unknown: 'sync_attachment_unknown',
  attachment_hash_mismatch: 'sync_attachment_hash_mismatch',
  bad_token: 'sync_bad_token',
  unknown_request: 'sync_unknown_request',
  request_used: 'sync_request_used',
  unknown_verification: 'sync_unknown_verification',
  code_mismatch: 'sync_code_mismatch',
  not_pending_proof: 'sync_not_pending_proof',
  challenge_expired: 'sync_challenge_expired',
  already_ended: 'sync_already_ended',
  proof_attempts_exhausted: 'sync_proof_attempts_exhausted',
  invalid_credentials: 'sync_invalid_credentials',
  account_locked: 'sync_account_locked',
  session_invalid: 'sync_session_invalid',
  session_locked: 'sync_session_locked',
  role_forbidden: 'sync_role_forbidden',
  username_taken: 'sync_username_taken',
  unknown_conflict: 'sync_unknown_conflict',
  conflict_closed: 'sync_conflict_closed',
  scope_forbidden: 'sync_scope_forbidden',
  unknown_resident: 'sync_unknown_resident',
};

const known: ReadonlySet<string> = new Set(CENTRAL_ERROR_CODES);
export const isCentralErrorCode = (code: unknown): code is CentralErrorCode =>
  typeof code === 'string' && known.has(code);

const codeOf = (body: unknown): unknown =>
  typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;

/** An answer from central that is not a success, as the counter's translated error. */
export const centralAnswerError = (
  status: number,
  body: unknown,
): { code: string; params?: Record<string, string | number> } => {
  const code = codeOf(body);
  return isCentralErrorCode(code)
    ? { code: COUNTER_CODE[code] }
    : { code: 'sync_central_failed', params: { status } };
};

/**
 * Why a sync run stopped (a code central sent, `http_NNN`, `bad_response`, `network`,
 * `timeout`) as the counter's translated error. A code this build does not know (a newer
 * central, a proxy's own JSON) reads as the generic failure.
 */
export const syncStopError = (
  stop: string,
): { code: string; params?: Record<string, string | number> } => {
  if (isCentralErrorCode(stop)) return { code: COUNTER_CODE[stop] };
  if (stop === 'bad_response') return { code: 'sync_bad_response' };
  if (stop === 'network' || stop === 'timeout')
    return { code: 'sync_unreachable_now', params: { error: stop } };
  const status = /^http_(\d{3})$/.exec(stop)?.[1];
  return { code: 'sync_central_failed', params: { status: status ?? '—' } };
};
