import { defineMessages } from './define';

/** The account lookup and automatic proof at the desk, and Bluesky at central. */
export const blueskyMessages = defineMessages(
  {
    errors: {
      account_not_found:
        'Esa cuenta no existe en {{network}}: revise el nombre de usuario con la persona.',
      network_unreachable:
        'No se ha podido consultar {{network}} ahora mismo. Se guarda igual y la cuenta se comprueba en la próxima sincronización.',
      account_mismatch:
        'El identificador escrito no es el de la cuenta que responde a ese nombre de usuario.',
      proof_needs_account:
        'La cuenta aún no está identificada: la búsqueda del código se hará tras la próxima sincronización.',
      proof_attempts_exhausted:
        'Se han encontrado demasiados códigos equivocados: la verificación se ha cerrado. Empiece una nueva.',
      bluesky_sign_in_refused:
        'Bluesky no acepta ese usuario y contraseña de aplicación: revíselos (Ajustes → Privacidad y seguridad → Contraseñas de aplicación).',
      usage_bluesky_app_password:
        'Falta la contraseña de aplicación: pásela en la variable VENTANILLA_BLUESKY_APP_PASSWORD.',
      usage_bluesky_rename_policy:
        'La política ante un cambio de nombre es «refresh» (se reescribe el registro) o «flag» (se marca para revisar).',
    },
    cli: {
      bluesky: {
        account: 'Guarda la cuenta de Bluesky del ayuntamiento (contraseña de aplicación cifrada)',
        identifier: 'usuario o correo de la cuenta del ayuntamiento',
        service: 'servidor de la cuenta (PDS)',
        renamePolicy: 'ante un cambio de nombre: refresh o flag',
        accountSet: 'Cuenta de Bluesky del ayuntamiento guardada: {{identifier}} ({{did}}).',
      },
    },
    bluesky: {
      lookup: {
        checking: 'Consultando la cuenta…',
        found: 'Cuenta encontrada: compare con la persona',
        offline: 'Sin conexión con la red: se comprobará la cuenta en la próxima sincronización.',
        avatar: 'Foto de perfil de {{handle}}',
        noName: 'Sin nombre visible',
      },
      proof: {
        check: 'Buscar el código en sus publicaciones',
        instructions: 'Pida a la persona que publique desde su cuenta este código: {{code}}',
        confirmed: 'Código encontrado en una publicación: cuenta verificada.',
        not_found: 'Aún no hay ninguna publicación con el código.',
        other_code: 'Hay una publicación con otro código, no con el de esta verificación.',
        unreachable: 'No se ha podido consultar la red ahora mismo.',
      },
    },
  },
  {
    errors: {
      account_not_found:
        'That account does not exist on {{network}}: check the username with the person.',
      network_unreachable:
        '{{network}} could not be reached just now. The record is saved anyway and the account is checked at the next sync.',
      account_mismatch: 'The id typed is not that of the account this username points to.',
      proof_needs_account:
        'The account is not identified yet: the code will be searched for after the next sync.',
      proof_attempts_exhausted:
        'Too many wrong codes were found: the verification is closed. Start a new one.',
      bluesky_sign_in_refused:
        'Bluesky does not accept that username and app password: check them (Settings → Privacy and security → App passwords).',
      usage_bluesky_app_password:
        'The app password is missing: pass it in the VENTANILLA_BLUESKY_APP_PASSWORD variable.',
      usage_bluesky_rename_policy:
        'The rename policy is “refresh” (the record is rewritten) or “flag” (marked for review).',
    },
    cli: {
      bluesky: {
        account: 'Stores the town’s Bluesky account (app password encrypted)',
        identifier: 'the town account’s username or email',
        service: 'the account’s server (PDS)',
        renamePolicy: 'on a rename: refresh or flag',
        accountSet: 'The town’s Bluesky account is stored: {{identifier}} ({{did}}).',
      },
    },
    bluesky: {
      lookup: {
        checking: 'Looking the account up…',
        found: 'Account found: compare with the person',
        offline: 'The network cannot be reached: the account will be checked at the next sync.',
        avatar: 'Profile picture of {{handle}}',
        noName: 'No display name',
      },
      proof: {
        check: 'Search their posts for the code',
        instructions: 'Ask the person to post this code from their account: {{code}}',
        confirmed: 'Code found in a post: account verified.',
        not_found: 'No post carries the code yet.',
        other_code: 'A post carries a different code, not this verification’s.',
        unreachable: 'The network could not be reached just now.',
      },
    },
  },
);
