import { defineMessages } from './define';

export const verificationMessages = defineMessages(
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
      nav: { verify: 'Verificar', conflicts: 'Conflictos de cuentas' },
      ui: {
        title: 'Verificar una cuenta',
        stepsLabel: 'Pasos de la verificación',
        steps: {
          capture: 'Documento',
          review: 'Revisión',
          resident: 'Vecino',
          handle: 'Cuenta y prueba',
          done: 'Hecho',
        },
        common: {
          cancel: 'Cancelar',
          newVerification: 'Nueva verificación',
          startAgain: 'Empezar de nuevo',
        },
        capture: {
          prompt:
            'Escanee el documento, ábralo o arrástrelo aquí. Anverso y reverso son opcionales.',
          open: 'Abrir imagen',
          camera: 'Usar la cámara',
          file: 'Imagen del documento (una o las dos caras)',
          hint: 'La imagen solo se lee: no se guarda en ningún sitio.',
          noCamera: 'No hay cámara disponible o no se ha dado permiso.',
          preview: 'Vista de la cámara',
          shoot: 'Capturar',
          manual: 'Introducir los datos a mano',
          manualHint: 'Si el documento no se puede leer, escriba sus datos mirándolo.',
        },
        reading: { title: 'Leyendo el documento…', elapsed: '{{seconds}} s' },
        stepBack: 'Volver a {{step}}',
        review: {
          title: 'Revise los datos leídos',
          source:
            '{{type}} leído con una confianza del {{confidence}} %. Corrija lo que haga falta.',
          expired:
            'Documento caducado el {{date}}: solo se puede usar con la autorización de un responsable.',
          uncertain: 'Lectura dudosa: compruébelo con el documento.',
          corrected: 'Corregido por el funcionario.',
          search: 'Buscar en el padrón',
          manualTitle: 'Introduzca los datos del documento',
          manualSource: 'Datos escritos por el funcionario mirando el documento.',
          partialSource: 'Lectura incompleta: compruebe cada dato con el documento.',
          documentType: 'Tipo de documento',
          documentTypes: {
            DNI: 'DNI',
            NIE: 'NIE / TIE',
            PASSPORT: 'Pasaporte',
            OTHER: 'Otro documento',
          },
          fixDates: 'Corrija las fechas marcadas antes de buscar.',
          warnings: {
            under_14: 'La persona es menor de 14 años.',
            front_back_mismatch: 'El anverso y el reverso no coinciden: compruebe el documento.',
            read_back_side:
              'Solo se ha leído el anverso y hay datos dudosos: lea también el reverso del documento.',
          },
        },
        fields: {
          document_number: 'Número de documento',
          given_names: 'Nombre',
          surname1: 'Primer apellido',
          surname2: 'Segundo apellido',
          birth_date: 'Fecha de nacimiento',
          expiry_date: 'Fecha de caducidad',
          nationality: 'Nacionalidad',
        },
        resident: {
          title: '¿Quién es la persona del mostrador?',
          accept: 'Es esta persona',
          none: 'No es ninguna',
          alreadyVerified: 'Ya tiene verificada: {{handles}}. Una nueva verificación la sustituye.',
          notFoundTitle: 'No está en el padrón',
          reviewAgain: 'Revisar los datos',
          disagrees:
            'No coincide con el padrón: {{grounds}}. Para guardarla hará falta la autorización de un responsable.',
          notFound:
            'El documento {{masked}} no corresponde a nadie empadronado. Solo se pueden verificar cuentas de vecinos empadronados. La búsqueda queda anotada en el registro de búsquedas fallidas.',
        },
        handle: {
          title: 'Cuenta de {{name}}',
          request: 'Solicitud en línea pendiente',
          requestText: 'Pidió en línea verificar {{network}} {{handle}}.',
          useRequest: 'Usar esta solicitud',
          network: 'Red',
          handle: 'Usuario',
          hints: {
            x: '@ y de 1 a 15 letras, cifras o _. Mayúsculas y minúsculas dan igual.',
            bluesky:
              'Un dominio, p. ej. ana.bsky.social (si solo escribe «ana», se entiende ana.bsky.social).',
            mastodon: 'usuario@servidor, p. ej. ana@mastodon.social.',
            instagram: 'De 1 a 30 letras, cifras, puntos o _.',
          },
          userId: 'Identificador numérico de la cuenta (opcional)',
          userIdHint:
            'Si lo anota, la verificación sigue valiendo aunque cambie el nombre de usuario.',
          proof: 'Prueba de control de la cuenta',
          proofHints: {
            seen_on_device:
              'Ha visto a la persona con la sesión abierta en esa cuenta en su teléfono.',
            challenge_code:
              'Se entrega un código que la persona publica o envía desde la cuenta. Queda pendiente hasta que se confirme (72 h).',
          },
          override: 'Autorización de un responsable',
          overrideHint:
            'El documento está caducado. Un responsable presente debe autorizarlo con su contraseña.',
          mismatchHint:
            'Los datos del documento no coinciden con los del padrón ({{grounds}}). Un responsable presente debe autorizarlo con su contraseña y el motivo.',
          overrideFields: {
            username: 'Usuario del responsable',
            password: 'Contraseña',
            reason: 'Motivo',
          },
          save: 'Guardar verificación',
        },
        done: {
          verified: 'Cuenta verificada',
          authorised: 'Cuenta verificada con autorización',
          pending: 'Pendiente de prueba',
          other: 'Verificación guardada: {{state}}',
          state: 'Estado guardado: {{state}}',
          summary: '{{name}} · {{network}} {{handle}} · tiempo: {{time}}',
          codeLabel: 'Código de comprobación',
          codeIntro: 'Entregue este código: debe publicarlo o enviarlo desde la cuenta en 72 h.',
          print: 'Imprimir justificante',
        },
        today: {
          title: 'Hoy',
          done: 'Verificaciones',
          median: 'Tiempo mediano',
          pending: 'Pruebas pendientes',
          conflicts: 'Conflictos en espera',
          recent: 'Últimas',
          confirm: 'Confirmar prueba {{code}}',
          revoke: 'Revocar',
          ground: 'Motivo de la revocación',
          grounds: {
            resident_request: 'A petición del vecino',
            decision: 'Por decisión del Ayuntamiento',
          },
          reason: 'Explicación',
          revokeConfirm: 'Revocar la verificación',
        },
        validity: {
          title: 'Validez de las verificaciones',
          months: 'Meses de validez',
          hint: 'Una verificación caduca al cumplirse este plazo o al caducar el documento, lo que ocurra antes. Se aplica a las verificaciones nuevas.',
          saved: 'Guardado: las nuevas verificaciones valdrán {{months}} meses.',
          save: 'Guardar validez',
        },
        conflicts: {
          title: 'Conflictos de cuentas',
          empty: 'No hay conflictos en espera.',
          holder: 'Verificada para',
          claimant: 'La reclama',
          raised: 'Planteado',
          reason: 'Motivo de la decisión',
          transfer: 'Transferir la cuenta',
          reject: 'Rechazar la reclamación',
          done: {
            transfer: 'Cuenta {{handle}} transferida.',
            reject: 'Reclamación de {{handle}} rechazada.',
          },
        },
      },
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
      nav: { verify: 'Verify', conflicts: 'Account conflicts' },
      ui: {
        title: 'Verify an account',
        stepsLabel: 'Verification steps',
        steps: {
          capture: 'Document',
          review: 'Review',
          resident: 'Resident',
          handle: 'Account and proof',
          done: 'Done',
        },
        common: {
          cancel: 'Cancel',
          newVerification: 'New verification',
          startAgain: 'Start again',
        },
        capture: {
          prompt:
            'Scan the document (it appears here on its own), open it or drop it here. Front and back are both optional.',
          open: 'Open image',
          camera: 'Use the camera',
          file: 'Document image (one or both sides)',
          hint: 'The image is only read: it is never stored anywhere.',
          noCamera: 'No camera is available, or permission was not given.',
          preview: 'Camera preview',
          shoot: 'Capture',
          manual: 'Type the data by hand',
          manualHint: 'If the document cannot be read, type its data looking at it.',
        },
        reading: { title: 'Reading the document…', elapsed: '{{seconds}} s' },
        stepBack: 'Back to {{step}}',
        review: {
          title: 'Check what was read',
          source: '{{type}} read with {{confidence}} % confidence. Correct anything that is wrong.',
          expired:
            'Document expired on {{date}}: it can only be used with a manager’s authorisation.',
          uncertain: 'Unsure reading: check it against the document.',
          corrected: 'Corrected by the clerk.',
          search: 'Search the register',
          manualTitle: 'Type the document’s data',
          manualSource: 'Data typed by the clerk looking at the document.',
          partialSource: 'Incomplete reading: check every field against the document.',
          documentType: 'Document type',
          documentTypes: {
            DNI: 'DNI',
            NIE: 'NIE / TIE',
            PASSPORT: 'Passport',
            OTHER: 'Other document',
          },
          fixDates: 'Correct the marked dates before searching.',
          warnings: {
            under_14: 'The person is under 14.',
            front_back_mismatch: 'Front and back do not match: check the document.',
            read_back_side:
              'Only the front was read and some data are doubtful: read the back of the document too.',
          },
        },
        fields: {
          document_number: 'Document number',
          given_names: 'Given names',
          surname1: 'First surname',
          surname2: 'Second surname',
          birth_date: 'Date of birth',
          expiry_date: 'Expiry date',
          nationality: 'Nationality',
        },
        resident: {
          title: 'Who is the person at the counter?',
          accept: 'This is the person',
          none: 'None of these',
          alreadyVerified: 'Already verified: {{handles}}. A new verification replaces it.',
          notFoundTitle: 'Not in the register',
          reviewAgain: 'Review the data',
          disagrees:
            'Does not match the register: {{grounds}}. Saving will need a manager’s authorisation.',
          notFound:
            'Document {{masked}} belongs to no registered resident. Only registered residents’ accounts can be verified. The lookup is recorded in the failed-lookup log.',
        },
        handle: {
          title: 'Account of {{name}}',
          request: 'Pending online request',
          requestText: 'Asked online to verify {{network}} {{handle}}.',
          useRequest: 'Use this request',
          network: 'Network',
          handle: 'Handle',
          hints: {
            x: '@ and 1 to 15 letters, digits or _. Upper or lower case does not matter.',
            bluesky: 'A domain, e.g. ana.bsky.social (typing just “ana” means ana.bsky.social).',
            mastodon: 'user@server, e.g. ana@mastodon.social.',
            instagram: '1 to 30 letters, digits, dots or _.',
          },
          userId: 'Numeric account id (optional)',
          userIdHint: 'If recorded, the verification survives a change of handle.',
          proof: 'Proof of control of the account',
          proofHints: {
            seen_on_device: 'You saw the person signed in to that account on their phone.',
            challenge_code:
              'The person gets a code to post or send from the account. It stays pending until confirmed (72 h).',
          },
          override: 'Manager’s authorisation',
          overrideHint:
            'The document has expired. A manager who is present must authorise it with their password.',
          mismatchHint:
            'The document’s data do not match the register ({{grounds}}). A manager who is present must authorise it with their password and the reason.',
          overrideFields: {
            username: 'Manager’s username',
            password: 'Password',
            reason: 'Reason',
          },
          save: 'Save verification',
        },
        done: {
          verified: 'Account verified',
          authorised: 'Account verified with authorisation',
          pending: 'Waiting for proof',
          other: 'Verification saved: {{state}}',
          state: 'Saved state: {{state}}',
          summary: '{{name}} · {{network}} {{handle}} · time: {{time}}',
          codeLabel: 'Challenge code',
          codeIntro: 'Hand over this code: it must be posted or sent from the account within 72 h.',
          print: 'Print receipt',
        },
        today: {
          title: 'Today',
          done: 'Verifications',
          median: 'Median time',
          pending: 'Pending proofs',
          conflicts: 'Conflicts waiting',
          recent: 'Latest',
          confirm: 'Confirm proof {{code}}',
          revoke: 'Revoke',
          ground: 'Ground for revocation',
          grounds: {
            resident_request: 'At the resident’s request',
            decision: 'By the Town Hall’s decision',
          },
          reason: 'Explanation',
          revokeConfirm: 'Revoke the verification',
        },
        validity: {
          title: 'Verification validity',
          months: 'Months of validity',
          hint: 'A verification expires after this period or when the ID document expires, whichever comes first. It applies to new verifications.',
          saved: 'Saved: new verifications will be valid for {{months}} months.',
          save: 'Save validity',
        },
        conflicts: {
          title: 'Account conflicts',
          empty: 'No conflicts are waiting.',
          holder: 'Verified for',
          claimant: 'Claimed by',
          raised: 'Raised',
          reason: 'Reason for the decision',
          transfer: 'Transfer the account',
          reject: 'Reject the claim',
          done: {
            transfer: 'Account {{handle}} transferred.',
            reject: 'Claim on {{handle}} rejected.',
          },
        },
      },
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
