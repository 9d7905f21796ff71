import { defineMessages } from './define';

/** Verification errors, states, receipts and the CLI: words shared beyond the desk's screens. */
export const verificationTermMessages = defineMessages(
  {
    errors: {
      invalid_handle_x: 'Un usuario de X es @ seguido de 1 a 15 letras, cifras o guiones bajos.',
      invalid_handle_bluesky: 'Un usuario de Bluesky es un dominio, p. ej. @ana.bsky.social.',
      invalid_handle_mastodon:
        'Un usuario de Mastodon tiene la forma usuario@servidor, p. ej. @ana@mastodon.social.',
      invalid_handle_instagram:
        'Un usuario de Instagram tiene de 1 a 30 letras, cifras, puntos o guiones bajos, sin punto al principio ni al final ni dos puntos seguidos.',
      invalid_platform_user_id:
        'El identificador numérico de la cuenta no es válido para esta red.',
      document_number_required: 'Falta el número del documento: escríbalo antes de buscar.',
      document_number_bad_letter:
        'La letra de control del número {{masked}} no cuadra con sus cifras: revise el número con el documento.',
      document_number_malformed:
        'El número {{masked}} no es el de un documento real: revise el número y el tipo de documento.',
      document_resident_mismatch:
        'Los datos del documento no coinciden con los de esta persona en el padrón. Solo se puede guardar si un responsable lo autoriza, con el motivo.',
      override_required:
        'Hace falta la autorización de un responsable: su usuario, su contraseña y el motivo.',
      mrz_check_failed_birth_date:
        'El dígito de control de la fecha de nacimiento no cuadra: revise la fecha de nacimiento.',
      mrz_check_failed_expiry_date:
        'El dígito de control de la fecha de caducidad no cuadra: revise la fecha de caducidad.',
      mrz_check_failed_document_number:
        'El dígito de control del número de documento no cuadra: revise el número.',
      mrz_check_failed_personal_number:
        'El dígito de control del número personal no cuadra: revise el número.',
      mrz_check_failed_composite:
        'El dígito de control general de la zona de lectura no cuadra: revise número y fechas.',
      lookup_locked:
        'Demasiadas búsquedas fallidas de este número. Espere {{seconds}} s antes de volver a intentarlo.',
      resident_deregistered: 'Esa persona figura de baja en el padrón y no se puede verificar.',
      document_expired:
        'El documento caducó el {{date}}. Solo se puede usar si un responsable lo autoriza.',
      override_needs_manager: 'Solo un responsable o administrador puede dar esta autorización.',
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
      authorised: '{{state}}, con autorización de {{manager}} ({{grounds}})',
      overrideGrounds: {
        document_expired: 'documento caducado',
        number_mismatch: 'número de documento distinto del padrón',
        name_mismatch: 'nombre distinto del padrón',
        birth_date_mismatch: 'fecha de nacimiento distinta del padrón',
        not_matched: 'el documento no corresponde a esta persona en el padrón',
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
    cli: {
      central: {
        requestVerification:
          'Registra una solicitud de verificación hecha en línea; los mostradores la ofrecerán al sincronizar',
        residentId: 'identificador del vecino en el padrón',
        network: 'red social (x, bluesky, mastodon, instagram)',
        handle: 'usuario en esa red',
        platformUserId: 'identificador numérico de la cuenta en la red',
        badNetwork: 'Red desconocida. Use una de: {{networks}}',
        requestCreated:
          'Solicitud {{id}} registrada: {{network}} {{handle}} para {{resident_id}}. Los mostradores la ofrecerán al sincronizar.',
        revokeVerification:
          'Revoca una verificación: sale del directorio al momento y su mostrador lo sabrá al sincronizar',
        verificationId: 'identificador de la verificación',
        revokeReason: 'motivo (queda en la auditoría, con los datos personales enmascarados)',
        verificationRevoked:
          'Verificación {{verification_id}} revocada. Su mostrador lo sabrá al sincronizar.',
        alreadyRevoked: 'La verificación {{verification_id}} ya estaba revocada.',
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
        'An Instagram handle has 1 to 30 letters, digits, dots or underscores, with no dot at the start or end and no two dots in a row.',
      invalid_platform_user_id: 'The numeric account id is not valid for this network.',
      document_number_required: 'The document number is missing: type it before searching.',
      document_number_bad_letter:
        'The control letter of number {{masked}} does not fit its digits: check the number against the document.',
      document_number_malformed:
        'Number {{masked}} is not that of a real document: check the number and the document type.',
      document_resident_mismatch:
        'The document’s data do not match this person’s in the register. It can only be saved if a manager authorises it, with the reason.',
      override_required:
        'A manager’s authorisation is needed: their username, their password and the reason.',
      mrz_check_failed_birth_date:
        'The check digit of the date of birth does not fit: check the date of birth.',
      mrz_check_failed_expiry_date:
        'The check digit of the expiry date does not fit: check the expiry date.',
      mrz_check_failed_document_number:
        'The check digit of the document number does not fit: check the number.',
      mrz_check_failed_personal_number:
        'The check digit of the personal number does not fit: check the number.',
      mrz_check_failed_composite:
        'The overall check digit of the machine-readable zone does not fit: check the number and dates.',
      lookup_locked:
        'Too many failed lookups of this number. Wait {{seconds}} s before trying again.',
      resident_deregistered: 'That person is deregistered and cannot be verified.',
      document_expired:
        'The document expired on {{date}}. It can only be used if a manager authorises it.',
      override_needs_manager: 'Only a manager or an administrator can give this authorisation.',
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
      authorised: '{{state}}, authorised by {{manager}} ({{grounds}})',
      overrideGrounds: {
        document_expired: 'expired document',
        number_mismatch: 'document number differs from the register',
        name_mismatch: 'name differs from the register',
        birth_date_mismatch: 'birth date differs from the register',
        not_matched: 'the document is not this person’s in the register',
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
    cli: {
      central: {
        requestVerification:
          'Records a verification request made online; counters offer it once they sync',
        residentId: 'the resident’s id in the register',
        network: 'social network (x, bluesky, mastodon, instagram)',
        handle: 'the account on that network',
        platformUserId: 'the account’s numeric id on the network',
        badNetwork: 'Unknown network. Use one of: {{networks}}',
        requestCreated:
          'Request {{id}} recorded: {{network}} {{handle}} for {{resident_id}}. Counters will offer it once they sync.',
        revokeVerification:
          'Revokes a verification: it leaves the directory at once and its counter learns on its next sync',
        verificationId: 'the verification’s id',
        revokeReason: 'reason (kept in the audit log, personal data masked)',
        verificationRevoked:
          'Verification {{verification_id}} revoked. Its counter will learn on its next sync.',
        alreadyRevoked: 'Verification {{verification_id}} was already revoked.',
      },
    },
  },
);
