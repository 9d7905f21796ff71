import { defineMessages } from './define';

/** Errors of the desktop shell: the OS keystore that wraps the installation keys. */
export const desktopMessages = defineMessages(
  {
    errors: {
      keystore_unavailable:
        'El almacén de claves del sistema no está disponible. Ventanilla no guarda sus claves sin él.',
      keystore_basic_text:
        'Este equipo Linux no tiene llavero del sistema (GNOME Keyring o KWallet), así que las claves quedarían protegidas solo por una contraseña fija. Instale un llavero o, en un puesto kiosco documentado, defina {{setting}}=1.',
      keystore_backend_changed:
        'Las claves se guardaron con el almacén «{{recorded}}» y ahora el sistema ofrece «{{current}}». No se ha abierto nada para no leer claves erróneas. Inicie la misma sesión de escritorio que al instalar.',
      keystore_file_corrupt:
        'El archivo de claves protegido {{path}} está dañado. No se ha modificado nada; restaure la copia de seguridad.',
      keystore_unwrap_failed:
        'El almacén de claves del sistema no puede descifrar {{path}} (otro usuario u otro equipo). No se ha modificado nada.',
      keystore_conflict:
        'Hay un archivo de claves sin proteger ({{path}}) que no coincide con las claves protegidas. No se ha borrado nada; avise al soporte.',
      keystore_migration_needed:
        'Esta carpeta usa un archivo de claves sin proteger ({{path}}). Para pasarlo al almacén del sistema, inicie Ventanilla una vez con {{flag}}.',
      keys_wrapped_by_desktop:
        'Las claves de {{path}} están protegidas por el almacén del sistema de la aplicación de escritorio; solo ella puede abrir esta carpeta.',
    },
  },
  {
    errors: {
      keystore_unavailable:
        'The operating system key store is not available. Ventanilla does not keep its keys without it.',
      keystore_basic_text:
        'This Linux computer has no system keyring (GNOME Keyring or KWallet), so the keys would only be protected by a fixed password. Install a keyring or, on a documented kiosk counter, set {{setting}}=1.',
      keystore_backend_changed:
        'The keys were stored with the "{{recorded}}" key store and the system now offers "{{current}}". Nothing was opened, to avoid reading wrong keys. Start the same desktop session as at installation.',
      keystore_file_corrupt:
        'The protected key file {{path}} is damaged. Nothing was changed; restore it from the backup.',
      keystore_unwrap_failed:
        'The system key store cannot decrypt {{path}} (another user or another computer). Nothing was changed.',
      keystore_conflict:
        'There is an unprotected key file ({{path}}) that does not match the protected keys. Nothing was deleted; contact support.',
      keystore_migration_needed:
        'This folder uses an unprotected key file ({{path}}). To move it into the system key store, start Ventanilla once with {{flag}}.',
      keys_wrapped_by_desktop:
        "The keys of {{path}} are protected by the desktop app's system key store; only the desktop app can open this folder.",
    },
  },
);
