import { defineMessages } from './define';

/**
 * Central's refusals as the counter words them (with `sync.ts`, which holds the enrolment and
 * signature ones): one sentence per code in `CENTRAL_ERROR_CODES`, and one for any other answer.
 */
export const centralAnswerMessages = defineMessages(
  {
    errors: {
      sync_central_failed:
        'El servicio central ha respondido con un error (HTTP {{status}}). La cola se conserva; vuelva a intentarlo más tarde.',
      sync_bad_response:
        'La respuesta del servicio central llegó incompleta o no se entiende. La cola se conserva y se reintentará.',
      sync_not_found: 'El servicio central no tiene esa dirección. Compruebe la URL del servicio.',
      sync_payload_too_large: 'El servicio central ha rechazado un envío demasiado grande.',
      sync_unsupported_media_type: 'El servicio central no acepta el formato del envío.',
      sync_attachment_unknown: 'El servicio central no esperaba ese adjunto.',
      sync_attachment_hash_mismatch:
        'Un adjunto llegó al servicio central alterado (la huella no coincide). Se volverá a enviar.',
      sync_bad_token: 'El servicio central no acepta esa credencial de personal.',
      sync_unknown_request: 'El servicio central no conoce esa solicitud de verificación.',
      sync_request_used: 'Esa solicitud de verificación ya se ha usado.',
      sync_unknown_verification: 'El servicio central no conoce esa verificación.',
      sync_code_mismatch: 'El código no coincide con el de la verificación.',
      sync_not_pending_proof: 'Esa verificación no está esperando un código.',
      sync_challenge_expired: 'El código de la verificación ha caducado.',
      sync_already_ended: 'Esa verificación ya había terminado (caducada o sustituida).',
      sync_proof_attempts_exhausted:
        'Se han probado demasiados códigos equivocados: la verificación queda cerrada. El vecino debe empezar una nueva en el mostrador.',
      sync_unknown_resident: 'El servicio central no tiene ningún dato de ese vecino.',
      sync_invalid_credentials: 'Usuario o contraseña incorrectos.',
      sync_account_locked:
        'La cuenta está bloqueada por demasiados intentos. Espere unos minutos antes de volver a probar.',
      sync_session_invalid: 'La sesión ha terminado. Vuelva a iniciar sesión.',
      sync_session_locked: 'La sesión está bloqueada por inactividad. Escriba su contraseña.',
      sync_role_forbidden: 'Su función no permite esta acción.',
      sync_username_taken: 'Ya existe una cuenta con ese nombre de usuario.',
      sync_unknown_conflict: 'El servicio central no conoce ese conflicto.',
      sync_conflict_closed: 'Ese conflicto ya estaba resuelto.',
      sync_scope_forbidden: 'La credencial de esta integración no permite esa consulta.',
    },
    errorParams: {
      sync_unreachable_now: { error: { network: 'sin red', timeout: 'tiempo de espera agotado' } },
    },
  },
  {
    errors: {
      sync_central_failed:
        'The central service answered with an error (HTTP {{status}}). The queue is kept; try again later.',
      sync_bad_response:
        "The central service's answer was incomplete or could not be read. The queue is kept and will be retried.",
      sync_not_found: 'The central service has no such address. Check the service URL.',
      sync_payload_too_large: 'The central service refused a request that was too large.',
      sync_unsupported_media_type: 'The central service does not accept the format sent.',
      sync_attachment_unknown: 'The central service was not expecting that attachment.',
      sync_attachment_hash_mismatch:
        'An attachment reached the central service altered (its hash does not match). It will be sent again.',
      sync_bad_token: 'The central service does not accept that staff credential.',
      sync_unknown_request: 'The central service does not know that verification request.',
      sync_request_used: 'That verification request was already used.',
      sync_unknown_verification: 'The central service does not know that verification.',
      sync_code_mismatch: 'The code does not match the verification.',
      sync_not_pending_proof: 'That verification is not waiting for a code.',
      sync_challenge_expired: 'The verification code has expired.',
      sync_already_ended: 'That verification had already ended (expired or superseded).',
      sync_proof_attempts_exhausted:
        'Too many wrong codes were tried: the verification is closed. The resident must start a new one at the counter.',
      sync_unknown_resident: 'The central service holds no data about that resident.',
      sync_invalid_credentials: 'Wrong username or password.',
      sync_account_locked:
        'The account is locked after too many attempts. Wait a few minutes before trying again.',
      sync_session_invalid: 'The session has ended. Sign in again.',
      sync_session_locked: 'The session is locked after inactivity. Type your password.',
      sync_role_forbidden: 'Your role does not allow this.',
      sync_username_taken: 'An account with that username already exists.',
      sync_unknown_conflict: 'The central service does not know that conflict.',
      sync_conflict_closed: 'That conflict was already resolved.',
      sync_scope_forbidden: "This integration's credential does not allow that call.",
    },
    errorParams: {
      sync_unreachable_now: { error: { network: 'no network', timeout: 'timed out' } },
    },
  },
);
