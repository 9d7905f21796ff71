import { defineMessages } from './define';

/** The few pages browser mode's bridge answers itself, outside the app. */
export const bridgeMessages = defineMessages(
  {
    bridge: {
      unauthorized: {
        title: 'Ventanilla: acceso no autorizado',
        text: 'Esta dirección no es válida o ya se usó. Cada dirección que muestra «ventanilla serve» abre la aplicación una sola vez, en un navegador; después ese navegador recarga la página sin ella. Para abrirla en otro navegador, reinicie «ventanilla serve» y abra la nueva dirección.',
      },
      notFound: {
        title: 'Ventanilla: página no encontrada',
        text: 'Esta página no existe.',
      },
      badHost: {
        title: 'Ventanilla: dirección no admitida',
        text: 'Ventanilla solo responde en http://127.0.0.1:{{port}} o http://localhost:{{port}}, en este mismo equipo. Abra la dirección que muestra «ventanilla serve».',
      },
    },
  },
  {
    bridge: {
      unauthorized: {
        title: 'Ventanilla: not authorised',
        text: 'This address is not valid or was already used. Each address that “ventanilla serve” prints opens the app once, in one browser; that browser then reloads the page without it. To open it in another browser, restart “ventanilla serve” and open the new address.',
      },
      notFound: {
        title: 'Ventanilla: page not found',
        text: 'This page does not exist.',
      },
      badHost: {
        title: 'Ventanilla: address not accepted',
        text: 'Ventanilla only answers at http://127.0.0.1:{{port}} or http://localhost:{{port}}, on this same computer. Open the address that “ventanilla serve” prints.',
      },
    },
  },
);
