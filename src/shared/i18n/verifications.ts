import { defineMessages } from './define';

export const verificationMessages = defineMessages(
  {
    errors: {
      invalid_handle_x: 'Un usuario de X es @ seguido de 1 a 15 letras, cifras o guiones bajos.',
      invalid_handle_bluesky: 'Un usuario de Bluesky es un dominio, p. ej. @ana.bsky.social.',
      invalid_handle_mastodon:
        'Un usuario de Mastodon tiene la forma usuario@servidor, p. ej. @ana@mastodon.social.',
      invalid_handle_instagram:
        'Un usuario de Instagram tiene de 1 a 30 letras, cifras, puntos o guiones bajos.',
      invalid_platform_user_id:
        'El identificador numérico de la cuenta no es válido para esta red.',
      document_number_required: 'Falta el número del documento: escríbalo antes de buscar.',
      lookup_locked:
        'Demasiadas búsquedas fallidas de este número. Espere {{seconds}} s antes de volver a intentarlo.',
      resident_deregistered: 'Esa persona figura de baja en el padrón y no se puede verificar.',
      document_expired:
        'El documento caducó el {{date}}. Solo se puede usar si un responsable lo autoriza.',
      override_needs_manager:
        'Solo un responsable o administrador puede autorizar un documento caducado.',
      handle_conflict:
        'Esta cuenta ya está verificada para otra persona ({{holder}}). No se ha guardado; el caso pasa a la cola de conflictos de un responsable.',
      challenge_expired:
        'El código de comprobación ha caducado (72 h). Empiece una verificación nueva.',
      not_pending_proof: 'Esta verificación no está pendiente de prueba.',
      not_revocable: 'Esta verificación ya no está activa y no se puede revocar.',
      verification_not_found: 'No se encuentra esa verificación.',
      conflict_not_found: 'No se encuentra ese conflicto.',
      conflict_already_resolved: 'Otro responsable ya ha resuelto este conflicto.',
      challenge_code_mismatch: 'El código recibido no coincide con el de esta verificación.',
      register_unavailable: 'El padrón no está disponible en este puesto.',
    },
    verifications: {
      networks: { x: 'X', bluesky: 'Bluesky', mastodon: 'Mastodon', instagram: 'Instagram' },
      proof: {
        seen_on_device: 'Vista en el dispositivo del vecino',
        challenge_code: 'Código de comprobación',
      },
      states: {
        pending_proof: 'Pendiente de prueba',
        verified: 'Verificada',
        revoked: 'Revocada',
        expired: 'Caducada',
        superseded: 'Sustituida',
      },
      receipt: {
        title: 'Justificante de verificación de cuenta',
        resident: 'Vecino/a',
        document: 'Documento',
        network: 'Red',
        handle: 'Cuenta',
        userId: 'Identificador de la cuenta',
        proof: 'Prueba',
        state: 'Estado',
        date: 'Fecha y hora',
        clerk: 'Atendido por',
        challengeIntro:
          'Publique o envíe por mensaje directo este código desde la cuenta a la cuenta oficial del Ayuntamiento:',
        challengeExpires: 'El código caduca el {{date}}.',
        footer:
          'Referencia {{id}}. Puede pedir la revocación en cualquier momento en el Ayuntamiento.',
      },
    },
  },
  {
    errors: {
      invalid_handle_x: 'An X handle is @ followed by 1 to 15 letters, digits or underscores.',
      invalid_handle_bluesky: 'A Bluesky handle is a domain, e.g. @ana.bsky.social.',
      invalid_handle_mastodon:
        'A Mastodon handle looks like user@server, e.g. @ana@mastodon.social.',
      invalid_handle_instagram:
        'An Instagram handle has 1 to 30 letters, digits, dots or underscores.',
      invalid_platform_user_id: 'The numeric account id is not valid for this network.',
      document_number_required: 'The document number is missing: type it before searching.',
      lookup_locked:
        'Too many failed lookups of this number. Wait {{seconds}} s before trying again.',
      resident_deregistered: 'That person is deregistered and cannot be verified.',
      document_expired:
        'The document expired on {{date}}. It can only be used if a manager authorises it.',
      override_needs_manager:
        'Only a manager or an administrator can authorise an expired document.',
      handle_conflict:
        'This account is already verified for someone else ({{holder}}). Nothing was saved; the case goes to a manager’s conflict queue.',
      challenge_expired: 'The challenge code has expired (72 h). Start a new verification.',
      not_pending_proof: 'This verification is not waiting for proof.',
      not_revocable: 'This verification is no longer active and cannot be revoked.',
      verification_not_found: 'That verification cannot be found.',
      conflict_not_found: 'That conflict cannot be found.',
      conflict_already_resolved: 'Another manager has already resolved this conflict.',
      challenge_code_mismatch: 'The code received does not match this verification’s code.',
      register_unavailable: 'The register is not available at this counter.',
    },
    verifications: {
      networks: { x: 'X', bluesky: 'Bluesky', mastodon: 'Mastodon', instagram: 'Instagram' },
      proof: {
        seen_on_device: 'Seen on the resident’s device',
        challenge_code: 'Challenge code',
      },
      states: {
        pending_proof: 'Pending proof',
        verified: 'Verified',
        revoked: 'Revoked',
        expired: 'Expired',
        superseded: 'Superseded',
      },
      receipt: {
        title: 'Account verification receipt',
        resident: 'Resident',
        document: 'Document',
        network: 'Network',
        handle: 'Account',
        userId: 'Account id',
        proof: 'Proof',
        state: 'State',
        date: 'Date and time',
        clerk: 'Served by',
        challengeIntro:
          'Post this code, or send it as a direct message, from the account to the Town Hall’s official account:',
        challengeExpires: 'The code expires on {{date}}.',
        footer: 'Reference {{id}}. You can ask for revocation at the Town Hall at any time.',
      },
    },
  },
);
