import { defineMessages } from './define';

/** One owner per central data folder: the running service and the admin commands beside it. */
export const centralAdminMessages = defineMessages(
  {
    errors: {
      central_already_running:
        'El servicio central ya está en marcha con esta carpeta de datos (proceso {{pid}}, {{url}}). Deténgalo antes de iniciar otro, o use otra carpeta con --data-dir.',
      central_folder_in_use:
        'La carpeta de datos del servicio central está en uso por el proceso {{pid}} con otra base de datos. Use la misma base de datos que ese servicio o deténgalo.',
      central_folder_busy:
        'La carpeta de datos del servicio central sigue ocupada por el proceso {{pid}}. Espere a que termine y vuelva a intentarlo.',
      central_admin_refused:
        'El servicio central en marcha no ha aceptado la credencial de administración local. Reinícielo y vuelva a intentarlo.',
      central_admin_lost:
        'El servicio central se ha detenido mientras hacía la operación: puede que se haya aplicado o no. Compruébelo (por ejemplo con «ventanilla central devices») antes de repetirla.',
    },
  },
  {
    errors: {
      central_already_running:
        'The central service is already running with this data folder (process {{pid}}, {{url}}). Stop it before starting another, or use another folder with --data-dir.',
      central_folder_in_use:
        "The central service's data folder is in use by process {{pid}} with another database. Use the same database as that service, or stop it.",
      central_folder_busy:
        "The central service's data folder is still held by process {{pid}}. Wait for it to finish and try again.",
      central_admin_refused:
        'The running central service did not accept the local admin credential. Restart it and try again.',
      central_admin_lost:
        'The central service stopped while running the operation: it may or may not have been applied. Check (for example with "ventanilla central devices") before repeating it.',
    },
  },
);
