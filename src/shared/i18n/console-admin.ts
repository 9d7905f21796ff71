import { defineMessages } from './define';

/** Central's web console: the IT and DPO screens, and central's audit actions by name. */
export const consoleAdminMessages = defineMessages(
  {
    console: {
      devices: {
        title: 'Mostradores',
        listTitle: 'Mostradores dados de alta',
        none: 'Aún no hay mostradores dados de alta.',
        name: 'Mostrador',
        state: 'Estado',
        states: { online: 'En línea', offline: 'Sin conexión', revoked: 'Dado de baja' },
        queue: 'Pendiente de enviar',
        lastSync: 'Última sincronización',
        lastError: 'Último error',
        version: 'Versión',
        auditFlag: 'Auditoría: {{problem}} (n.º {{seq}})',
        revoke: 'Dar de baja',
        revokeFor: 'Dar de baja {{name}}',
        confirmRevoke: 'Confirmar la baja de {{name}}',
        revoked: '{{name}} dado de baja: su próxima petición se rechazará.',
        enrolTitle: 'Código de alta para un mostrador',
        enrolIntro:
          'En el mostrador, escriba este código en Ajustes → Servicio central (o con ventanilla enroll). Vale 24 horas y una sola vez.',
        newName: 'Nombre del mostrador',
        makeCode: 'Crear código',
        codeFor: 'Código de alta para «{{name}}»:',
        codeExpires: 'Caduca: {{at}}.',
      },
      register: {
        title: 'Padrón',
        intro:
          'Suba el fichero del padrón. Con «Solo comprobar» se ve el informe fila a fila sin cambiar nada; sin ella, los cambios llegan a los mostradores.',
        file: 'Fichero del padrón (CSV)',
        dryRun: 'Solo comprobar (no importar)',
        allowMass: 'Permitir dar de baja a muchos vecinos a la vez',
        submit: 'Enviar fichero',
      },
      forms: {
        title: 'Plantillas de formularios',
        intro:
          'Publique una versión nueva de una plantilla (JSON). Se comprueba aquí y cada mostrador la recibe en su próxima sincronización.',
        file: 'Plantilla (JSON)',
        submit: 'Publicar',
        published: 'Publicada la versión {{version}} de «{{id}}» (cambio n.º {{seq}}).',
      },
      conflicts: {
        title: 'Conflictos',
        intro:
          'Un mismo usuario verificado para dos vecinos en mostradores distintos. «Transferir» deja la cuenta al último y revoca la anterior; «Rechazar» revoca la última.',
        search: 'Buscar por usuario o mostrador',
        listTitle: 'Conflictos (los abiertos primero)',
        none: 'No hay conflictos.',
        counter: 'Mostrador',
        opened: 'Abierto',
        states: { open: 'Abierto', transferred: 'Transferido', rejected: 'Rechazado' },
        transfer: 'Transferir',
        reject: 'Rechazar',
        reasonFor: 'Motivo de la decisión sobre {{handle}}',
        atCounter: 'Se resuelve en su mostrador.',
        done: {
          transfer: 'Conflicto de {{handle}} resuelto: cuenta transferida.',
          reject: 'Conflicto de {{handle}} resuelto: reclamación rechazada.',
        },
      },
      proofs: {
        title: 'Pruebas pendientes',
        intro:
          'Verificaciones que esperan el código que el vecino publica desde su cuenta. Escriba el código tal como se ve en la cuenta del ayuntamiento.',
        listTitle: 'Códigos esperados',
        none: 'No hay pruebas pendientes.',
        expires: 'Caduca',
        code: 'Código visto',
        codeFor: 'Código visto para {{handle}}',
        confirm: 'Confirmar',
        confirmed:
          'Prueba de {{handle}} confirmada; el mostrador la recibirá en su próxima sincronización.',
      },
      revocations: {
        title: 'Revocaciones',
        intro:
          'Busque la cuenta y revóquela indicando el motivo (por ejemplo, la red avisa de que la cuenta ha sido robada). El directorio la retira al momento y el mostrador lo sabrá en su próxima sincronización.',
        listTitle: 'Verificaciones de «{{query}}»',
        none: 'No hay verificaciones de «{{query}}».',
        reasonFor: 'Motivo de la revocación de {{handle}}',
        revoke: 'Revocar',
        revoked: 'Verificación de {{handle}} revocada.',
      },
      audit: {
        title: 'Registro de auditoría de la central',
        action: 'Acción',
        anyAction: 'Todas',
        from: 'Desde',
        to: 'Hasta',
        text: 'Texto (usuario, cuenta, mostrador)',
        export: 'Exportar CSV',
        listTitle: 'Entradas, las más recientes primero',
        none: 'Ninguna entrada con estos filtros.',
        at: 'Fecha',
        device: 'Mostrador',
        detail: 'Detalle',
        more: 'Ver más antiguas',
      },
      auditActions: {
        enrolment: {
          code_created: 'Código de alta creado',
          refused: 'Alta rechazada',
        },
        device: {
          enrolled: 'Mostrador dado de alta',
          revoked: 'Mostrador dado de baja',
        },
        auth: {
          refused: 'Petición firmada rechazada',
        },
        token: {
          created: 'Token de integración creado',
          refused: 'Token rechazado',
        },
        rate: {
          limited: 'Límite de peticiones',
        },
        directory: {
          lookup: 'Consulta al directorio',
        },
        verification: {
          request_created: 'Solicitud en línea creada',
          request_withdrawn: 'Solicitud en línea retirada',
          proof_confirmed: 'Prueba confirmada',
          proof_refused: 'Prueba rechazada',
          revoked: 'Verificación revocada',
        },
        register: {
          imported: 'Padrón importado',
        },
        template: {
          published: 'Plantilla publicada',
        },
        console: {
          staff_added: 'Cuenta de consola creada',
          sign_in: 'Inicio de sesión en la consola',
          sign_in_failed: 'Contraseña incorrecta en la consola',
          account_locked: 'Cuenta de consola bloqueada',
          sign_out: 'Cierre de sesión en la consola',
          password_changed: 'Contraseña de consola cambiada',
        },
        conflict: {
          resolved: 'Conflicto resuelto',
        },
      },
    },
  },
  {
    console: {
      devices: {
        title: 'Counters',
        listTitle: 'Enrolled counters',
        none: 'No counter is enrolled yet.',
        name: 'Counter',
        state: 'State',
        states: { online: 'Online', offline: 'Offline', revoked: 'Revoked' },
        queue: 'Waiting to send',
        lastSync: 'Last sync',
        lastError: 'Last error',
        version: 'Version',
        auditFlag: 'Audit: {{problem}} (no. {{seq}})',
        revoke: 'Revoke',
        revokeFor: 'Revoke {{name}}',
        confirmRevoke: 'Confirm revoking {{name}}',
        revoked: '{{name}} revoked: its next request will be refused.',
        enrolTitle: 'Enrolment code for a counter',
        enrolIntro:
          'At the counter, type this code in Settings → Central service (or with ventanilla enroll). It is valid for 24 hours, once.',
        newName: 'Counter name',
        makeCode: 'Make code',
        codeFor: 'Enrolment code for "{{name}}":',
        codeExpires: 'Expires: {{at}}.',
      },
      register: {
        title: 'Register',
        intro:
          'Upload the register file. With "Check only" you see the row-by-row report and nothing changes; without it, the changes reach the counters.',
        file: 'Register file (CSV)',
        dryRun: 'Check only (do not import)',
        allowMass: 'Allow deregistering many residents at once',
        submit: 'Send file',
      },
      forms: {
        title: 'Form templates',
        intro:
          'Publish a new version of a template (JSON). It is checked here and each counter receives it on its next sync.',
        file: 'Template (JSON)',
        submit: 'Publish',
        published: 'Version {{version}} of "{{id}}" published (change no. {{seq}}).',
      },
      conflicts: {
        title: 'Conflicts',
        intro:
          'One handle verified for two residents at different counters. "Transfer" gives the account to the later one and revokes the earlier; "Reject" revokes the later one.',
        search: 'Search by handle or counter',
        listTitle: 'Conflicts (open ones first)',
        none: 'No conflicts.',
        counter: 'Counter',
        opened: 'Opened',
        states: { open: 'Open', transferred: 'Transferred', rejected: 'Rejected' },
        transfer: 'Transfer',
        reject: 'Reject',
        reasonFor: 'Reason for the decision on {{handle}}',
        atCounter: 'Settled at its counter.',
        done: {
          transfer: 'Conflict on {{handle}} settled: account transferred.',
          reject: 'Conflict on {{handle}} settled: claim rejected.',
        },
      },
      proofs: {
        title: 'Pending proofs',
        intro:
          "Verifications waiting for the code the resident posts from their account. Type the code as seen on the town's account.",
        listTitle: 'Codes expected',
        none: 'No pending proofs.',
        expires: 'Expires',
        code: 'Code seen',
        codeFor: 'Code seen for {{handle}}',
        confirm: 'Confirm',
        confirmed: 'Proof for {{handle}} confirmed; the counter receives it on its next sync.',
      },
      revocations: {
        title: 'Revocations',
        intro:
          'Find the account and revoke it with a reason (the network reports it taken over, say). The directory drops it at once and the counter learns on its next sync.',
        listTitle: 'Verifications of "{{query}}"',
        none: 'No verifications of "{{query}}".',
        reasonFor: 'Reason for revoking {{handle}}',
        revoke: 'Revoke',
        revoked: 'Verification of {{handle}} revoked.',
      },
      audit: {
        title: "Central's audit log",
        action: 'Action',
        anyAction: 'All',
        from: 'From',
        to: 'To',
        text: 'Text (user, account, counter)',
        export: 'Export CSV',
        listTitle: 'Entries, newest first',
        none: 'No entry matches these filters.',
        at: 'Date',
        device: 'Counter',
        detail: 'Detail',
        more: 'Show older',
      },
      auditActions: {
        enrolment: {
          code_created: 'Enrolment code made',
          refused: 'Enrolment refused',
        },
        device: {
          enrolled: 'Counter enrolled',
          revoked: 'Counter revoked',
        },
        auth: {
          refused: 'Signed request refused',
        },
        token: {
          created: 'Integration token made',
          refused: 'Token refused',
        },
        rate: {
          limited: 'Rate limited',
        },
        directory: {
          lookup: 'Directory look-up',
        },
        verification: {
          request_created: 'Online request created',
          request_withdrawn: 'Online request withdrawn',
          proof_confirmed: 'Proof confirmed',
          proof_refused: 'Proof refused',
          revoked: 'Verification revoked',
        },
        register: {
          imported: 'Register imported',
        },
        template: {
          published: 'Template published',
        },
        console: {
          staff_added: 'Console account created',
          sign_in: 'Console sign-in',
          sign_in_failed: 'Wrong console password',
          account_locked: 'Console account locked',
          sign_out: 'Console sign-out',
          password_changed: 'Console password changed',
        },
        conflict: {
          resolved: 'Conflict settled',
        },
      },
    },
  },
);
