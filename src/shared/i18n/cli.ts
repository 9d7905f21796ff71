import { defineMessages } from './define';

export const cliMessages = defineMessages(
  {
    cli: {
      description:
        'Ventanilla: verificación de identidad, registro y auditoría del mostrador municipal.',
      dataDirOption: 'carpeta de datos (también VENTANILLA_DATA_DIR)',
      debugOption: 'muestra la traza completa de los errores',
      jsonOption: 'salida en JSON',
      errorPrefix: 'Error',
      yes: 'sí',
      no: 'no',
      passwordPrompt: 'Contraseña: ',
      passwordRepeat: 'Repita la contraseña: ',
      staff: {
        description: 'gestiona el personal',
        add: 'da de alta a un miembro del personal',
        list: 'lista el personal',
        passwd: 'cambia la contraseña de un miembro del personal',
        roleOption: 'rol: clerk (ventanilla), manager (responsable) o admin',
        displayNameOption: 'nombre que se muestra',
        badRole: 'rol desconocido; use uno de: {{roles}}',
        added: 'Alta de {{username}} con rol {{role}}.',
        passwordSet: 'Contraseña de {{username}} cambiada.',
        disabled: 'desactivado',
      },
      db: {
        description: 'base de datos local',
        check: 'comprueba la versión, la integridad y el cifrado',
        report:
          'Base de datos: {{path}}\nEsquema: {{schemaVersion}} (la aplicación conoce {{knownSchemaVersion}})\nIntegridad: {{integrity}}\nCifrada: {{encrypted}}',
      },
      serve: {
        description: 'modo navegador: sirve la aplicación en 127.0.0.1',
        portOption: 'puerto (0 = cualquiera libre)',
        openOption: 'abre el navegador',
        badPort: 'puerto no válido',
        listening: 'Ventanilla en modo navegador. Abra: {{url}}',
      },
    },
    errors: {
      usage_password_required:
        'Falta la contraseña: defina VENTANILLA_PASSWORD o ejecute el comando en un terminal.',
      usage_passwords_differ: 'Las contraseñas no coinciden.',
      usage_password_too_short: 'La contraseña debe tener al menos 8 caracteres.',
      usage_bad_username:
        'Nombre de usuario no válido: «{{username}}». Use de 2 a 32 letras minúsculas, cifras, punto, guion o guion bajo.',
      port_in_use: 'El puerto {{port}} ya está en uso. Elija otro con --port.',
    },
  },
  {
    cli: {
      description:
        'Ventanilla: identity verification, registry and audit for the town hall counter.',
      dataDirOption: 'data folder (also VENTANILLA_DATA_DIR)',
      debugOption: 'show full error traces',
      jsonOption: 'JSON output',
      errorPrefix: 'Error',
      yes: 'yes',
      no: 'no',
      passwordPrompt: 'Password: ',
      passwordRepeat: 'Repeat the password: ',
      staff: {
        description: 'manage staff',
        add: 'add a staff member',
        list: 'list staff',
        passwd: "change a staff member's password",
        roleOption: 'role: clerk, manager or admin',
        displayNameOption: 'display name',
        badRole: 'unknown role; use one of: {{roles}}',
        added: 'Added {{username}} with role {{role}}.',
        passwordSet: 'Password for {{username}} changed.',
        disabled: 'disabled',
      },
      db: {
        description: 'local database',
        check: 'check version, integrity and encryption',
        report:
          'Database: {{path}}\nSchema: {{schemaVersion}} (the app knows {{knownSchemaVersion}})\nIntegrity: {{integrity}}\nEncrypted: {{encrypted}}',
      },
      serve: {
        description: 'browser mode: serve the app on 127.0.0.1',
        portOption: 'port (0 = any free port)',
        openOption: 'open the browser',
        badPort: 'invalid port',
        listening: 'Ventanilla in browser mode. Open: {{url}}',
      },
    },
    errors: {
      usage_password_required:
        'Password missing: set VENTANILLA_PASSWORD or run the command in a terminal.',
      usage_passwords_differ: 'The passwords do not match.',
      usage_password_too_short: 'The password must be at least 8 characters long.',
      usage_bad_username:
        'Invalid username: "{{username}}". Use 2 to 32 lowercase letters, digits, dot, dash or underscore.',
      port_in_use: 'Port {{port}} is already in use. Choose another with --port.',
    },
  },
);
