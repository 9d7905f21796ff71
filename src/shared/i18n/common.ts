import { defineMessages } from './define';

export const commonMessages = defineMessages(
  {
    app: { name: 'Ventanilla' },
    errors: {
      internal: 'Error interno. Consulte el registro de la aplicación.',
      unknown_operation: 'Operación desconocida: {{operation}}',
    },
  },
  {
    app: { name: 'Ventanilla' },
    errors: {
      internal: 'Internal error. Check the application log.',
      unknown_operation: 'Unknown operation: {{operation}}',
    },
  },
);
