import { defineMessages } from './define';

/** Enrolment with central from the Settings screen (the refusals are `errors.sync_*`). */
export const syncEnrolMessages = defineMessages(
  {
    enrolment: {
      title: 'Servicio central',
      intro:
        'Para enviar la cola al servicio central del ayuntamiento, dé de alta este mostrador con la dirección del servicio y el código de un solo uso que le facilite el responsable de informática (válido 24 horas).',
      centralUrl: 'Dirección del servicio central',
      centralUrlHint: 'Por ejemplo, http://192.168.1.10:8787',
      code: 'Código de alta',
      codeHint: 'Tal como aparece, por ejemplo ABCD-EFGH-JKMN-PQRS.',
      submit: 'Dar de alta este mostrador',
      working: 'Dando de alta…',
      done: 'Mostrador dado de alta como «{{name}}» en {{url}}.',
      enrolled: 'Este mostrador está dado de alta en {{url}}.',
    },
  },
  {
    enrolment: {
      title: 'Central service',
      intro:
        "To send the queue to the town hall's central service, enrol this counter with the service's address and the one-time code from your IT person (valid for 24 hours).",
      centralUrl: 'Central service address',
      centralUrlHint: 'For example, http://192.168.1.10:8787',
      code: 'Enrolment code',
      codeHint: 'As printed, for example ABCD-EFGH-JKMN-PQRS.',
      submit: 'Enrol this counter',
      working: 'Enrolling…',
      done: 'Counter enrolled as “{{name}}” at {{url}}.',
      enrolled: 'This counter is enrolled at {{url}}.',
    },
  },
);
