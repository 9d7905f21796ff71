import { defineMessages } from './define';

/** The verification desk's screens. */
export const verificationMessages = defineMessages(
  {
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
    },
  },
  {
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
    },
  },
);
