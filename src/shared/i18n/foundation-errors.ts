import { defineMessages } from './define';

/** Errors of the database, staff and session layers. */
export const foundationErrors = defineMessages(
  {
    errors: {
      data_dir_not_writable: 'No se puede escribir en la carpeta de datos {{path}}.',
      disk_full:
        'El disco está lleno: no se ha guardado nada de esta operación, y lo guardado antes sigue intacto. Libere espacio (o avise al servicio informático) y vuelva a intentarlo.',
      key_file_corrupt:
        'El archivo de claves {{path}} está dañado. No se ha modificado nada; restaure la copia de seguridad.',
      key_file_too_open:
        'Otros usuarios tienen acceso al archivo de claves {{path}} (permisos {{mode}}), así que las claves pueden haber quedado expuestas. No se ha abierto nada. Deje el archivo solo para su usuario con «chmod 600 {{path}}» y vuelva a intentarlo.',
      key_file_missing:
        'Falta el archivo de claves en {{path}}: sin él la base de datos no se puede abrir. Restaure la copia de seguridad.',
      database_key_mismatch:
        'La base de datos {{path}} no se puede abrir con esta clave (clave equivocada o archivo dañado).',
      database_newer_than_app:
        'La base de datos es de una versión más reciente de Ventanilla (esquema {{version}}; esta versión conoce hasta {{supported}}). Actualice la aplicación.',
      database_schema_mismatch:
        'La base de datos tiene una migración desconocida ({{version}} {{name}}). No se ha modificado nada.',
      invalid_credentials: 'Usuario o contraseña incorrectos.',
      account_locked:
        'Cuenta bloqueada por intentos fallidos. Inténtelo de nuevo en {{seconds}} s.',
      not_signed_in: 'Inicie sesión para continuar.',
      session_locked: 'La sesión está bloqueada por inactividad. Introduzca su contraseña.',
      forbidden: 'Su rol no permite esta acción.',
      setup_already_done: 'Ya existe un administrador.',
      staff_not_found: 'No existe ese miembro del personal ({{id}}).',
      staff_username_taken: 'El nombre de usuario «{{username}}» ya existe.',
      staff_last_admin: 'Debe quedar al menos un administrador activo.',
      bridge_unauthorized: 'Falta el token de acceso o no es válido.',
      bridge_json_required: 'La petición debe ser JSON.',
      bridge_bad_json: 'El cuerpo de la petición no es JSON válido.',
      bridge_bad_host: 'Host no permitido.',
      bridge_method_not_allowed: 'Método no permitido.',
      payload_too_large: 'La petición es demasiado grande.',
      network_unreachable: 'No se puede conectar con Ventanilla.',
      forbidden_origin: 'Petición rechazada: no procede de la aplicación.',
    },
  },
  {
    errors: {
      data_dir_not_writable: 'Cannot write to the data folder {{path}}.',
      disk_full:
        'The disk is full: nothing from this operation was saved, and everything saved before is intact. Free some space (or tell IT) and try again.',
      key_file_corrupt:
        'The key file {{path}} is damaged. Nothing was changed; restore it from the backup.',
      key_file_too_open:
        'Other users have access to the key file {{path}} (mode {{mode}}), so the keys may have been exposed. Nothing was opened. Make it private to your user with "chmod 600 {{path}}" and try again.',
      key_file_missing:
        'The key file is missing in {{path}}: without it the database cannot be opened. Restore it from the backup.',
      database_key_mismatch:
        'The database {{path}} cannot be opened with this key (wrong key or damaged file).',
      database_newer_than_app:
        'The database comes from a newer Ventanilla (schema {{version}}; this version knows up to {{supported}}). Update the app.',
      database_schema_mismatch:
        'The database has an unknown migration ({{version}} {{name}}). Nothing was changed.',
      invalid_credentials: 'Wrong username or password.',
      account_locked: 'Account locked after failed attempts. Try again in {{seconds}} s.',
      not_signed_in: 'Sign in to continue.',
      session_locked: 'The session is locked after inactivity. Enter your password.',
      forbidden: 'Your role does not allow this action.',
      setup_already_done: 'An administrator already exists.',
      staff_not_found: 'No such staff member ({{id}}).',
      staff_username_taken: 'The username "{{username}}" already exists.',
      staff_last_admin: 'At least one active administrator must remain.',
      bridge_unauthorized: 'The access token is missing or invalid.',
      bridge_json_required: 'The request must be JSON.',
      bridge_bad_json: 'The request body is not valid JSON.',
      bridge_bad_host: 'Host not allowed.',
      bridge_method_not_allowed: 'Method not allowed.',
      payload_too_large: 'The request is too large.',
      network_unreachable: 'Cannot reach Ventanilla.',
      forbidden_origin: 'Request refused: it does not come from the app.',
    },
  },
);
