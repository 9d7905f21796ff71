import { defineMessages } from './define';

/** A data subject's rights at central: the counter's Privacy screen part and central's CLI. */
export const privacyCentralMessages = defineMessages(
  {
    privacy: {
      central: {
        title: 'En el servicio central',
        intro:
          'El servicio central guarda su propia parte: su copia del padrón, los registros de verificación y el directorio de cuentas, solicitudes, conflictos y su auditoría. La petición viaja con la sincronización y la respuesta aparece aquí.',
        askExport: 'Pedir su exportación al servicio central',
        askErase: 'Pedir el borrado en el servicio central',
        confirmLabel: 'Escriba de nuevo la inscripción {{id}} para pedir el borrado en el central',
        sent: 'Petición enviada a la cola; el servicio central responderá tras la próxima sincronización.',
        none: 'Aún no se ha pedido nada al servicio central para este vecino.',
        waiting: 'Pendiente de respuesta',
        kinds: { export: 'Exportación', erase: 'Borrado' },
        requested: '{{kind}} pedida el {{at}} por {{by}}',
        nothingHeld: 'El servicio central no tenía ningún dato de este vecino.',
        exported:
          'El servicio central tiene: padrón {{register}}, {{verifications}} verificaciones, {{requests}} solicitudes, {{conflicts}} conflictos, {{directory}} entradas del directorio, {{entries}} asientos del registro, {{audit}} entradas de auditoría.',
        erased:
          'Borrado en el central: {{verifications}} verificaciones ({{revoked}} revocadas), {{directoryEntries}} entradas del directorio, {{requests}} solicitudes, {{conflicts}} conflictos. Se conserva por ley: la fila del padrón (Ley 7/1985), {{registryEntries}} asientos del registro (Ley 39/2015, art. 16), {{openConflicts}} conflictos abiertos y {{auditEntries}} entradas de auditoría.',
        download: 'Descargar la exportación del central (JSON)',
        yes: 'sí',
        no: 'no',
        erasureReason: 'Supresión a petición del interesado (RGPD, art. 17)',
        pdfAuthor: 'Servicio central del ayuntamiento',
      },
    },
    cli: {
      central: {
        privacy: 'Derechos de los vecinos en el servicio central (RGPD arts. 15 y 17)',
        privacyExport: 'Exporta lo que el servicio central guarda de un vecino',
        privacyErase: 'Borra en el servicio central lo que la ley permite borrar de un vecino',
        resident: 'número de inscripción del vecino en el padrón',
        jsonFile: 'escribe la exportación en este archivo JSON',
        pdfFile: 'escribe la exportación en este archivo PDF',
        privacyWritten: 'Exportación de {{id}} escrita en {{file}}.',
        privacyErased:
          'Borrado en el central: {{verifications}} verificaciones ({{revoked}} revocadas), {{directoryEntries}} entradas del directorio, {{requests}} solicitudes, {{conflicts}} conflictos. Se conserva: padrón {{registerRow}}, {{registryEntries}} asientos del registro, {{openConflicts}} conflictos abiertos, {{auditEntries}} entradas de auditoría.',
      },
    },
  },
  {
    privacy: {
      central: {
        title: 'At the central service',
        intro:
          'The central service keeps its own part: its copy of the register, the verification records and the account directory, requests, conflicts and its audit. The request travels with sync and the answer shows here.',
        askExport: 'Ask the central service for its export',
        askErase: 'Ask the central service to erase',
        confirmLabel: 'Type inscription {{id}} again to ask central to erase',
        sent: 'Request queued; the central service answers after the next sync.',
        none: 'Nothing has been asked of the central service for this resident yet.',
        waiting: 'Waiting for the answer',
        kinds: { export: 'Export', erase: 'Erasure' },
        requested: '{{kind}} asked on {{at}} by {{by}}',
        nothingHeld: 'The central service held no data about this resident.',
        exported:
          'The central service holds: register {{register}}, {{verifications}} verifications, {{requests}} requests, {{conflicts}} conflicts, {{directory}} directory entries, {{entries}} registry entries, {{audit}} audit entries.',
        erased:
          'Erased at central: {{verifications}} verifications ({{revoked}} revoked), {{directoryEntries}} directory entries, {{requests}} requests, {{conflicts}} conflicts. Kept by law: the register row (Ley 7/1985), {{registryEntries}} registry entries (Ley 39/2015, art. 16), {{openConflicts}} open conflicts and {{auditEntries}} audit entries.',
        download: "Download central's export (JSON)",
        yes: 'yes',
        no: 'no',
        erasureReason: "Erased at the data subject's request (GDPR art. 17)",
        pdfAuthor: "The town hall's central service",
      },
    },
    cli: {
      central: {
        privacy: "Residents' rights at the central service (GDPR arts. 15 and 17)",
        privacyExport: 'Exports what the central service holds about a resident',
        privacyErase: 'Erases at the central service what the law allows about a resident',
        resident: "the resident's inscription number in the register",
        jsonFile: 'writes the export to this JSON file',
        pdfFile: 'writes the export to this PDF file',
        privacyWritten: 'Export of {{id}} written to {{file}}.',
        privacyErased:
          'Erased at central: {{verifications}} verifications ({{revoked}} revoked), {{directoryEntries}} directory entries, {{requests}} requests, {{conflicts}} conflicts. Kept: register {{registerRow}}, {{registryEntries}} registry entries, {{openConflicts}} open conflicts, {{auditEntries}} audit entries.',
      },
    },
  },
);
