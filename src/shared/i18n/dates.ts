import { defineMessages } from './define';

/** The date field every screen uses: dd/mm/aaaa and its calendar. */
export const dateMessages = defineMessages(
  {
    ui: {
      dates: {
        placeholder: 'dd/mm/aaaa',
        invalid: 'Escriba la fecha como dd/mm/aaaa, p. ej. 05/09/2033.',
        open: 'Abrir el calendario',
        calendar: 'Calendario',
        previous: 'Mes anterior',
        next: 'Mes siguiente',
      },
    },
  },
  {
    ui: {
      dates: {
        placeholder: 'dd/mm/yyyy',
        invalid: 'Write the date as dd/mm/yyyy, e.g. 05/09/2033.',
        open: 'Open the calendar',
        calendar: 'Calendar',
        previous: 'Previous month',
        next: 'Next month',
      },
    },
  },
);
