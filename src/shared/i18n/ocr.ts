import { defineMessages } from './define';

export const ocrMessages = defineMessages(
  {
    errors: {
      unsupported_file: 'El archivo no es una imagen admitida (PNG, JPEG, TIFF, BMP o WebP).',
      corrupt_image: 'La imagen está dañada o incompleta y no se puede leer.',
      too_small:
        'La imagen es demasiado pequeña ({{width}}×{{height}} píxeles); escanee a más resolución.',
      too_large: 'La imagen es demasiado grande; escanee a 300 ppp como máximo.',
      no_document: 'No se ha encontrado ningún documento de identidad en la imagen.',
      mrz_check_failed:
        'La zona de lectura mecánica no supera los dígitos de control; vuelva a escanear el documento.',
      mrz_unreadable:
        'No se ha podido leer la zona de lectura mecánica (las líneas con <<<). Escanee el reverso del documento, plano y bien iluminado, y vuelva a intentarlo.',
      ocr_timeout: 'La lectura ha tardado más de {{seconds}} s y se ha cancelado.',
      file_not_found: 'No se puede abrir el archivo: {{file}}',
    },
    ocr: {
      description: 'Lee DNI, NIE/TIE y pasaportes escaneados, sin conexión',
      filesArgument: 'imágenes a leer',
      jsonOption: 'una línea JSON por archivo',
      summaryOk: '{{file}}: {{type}} {{number}}, {{surnames}}, {{given}} ({{source}}, {{ms}} ms)',
      summaryUncertain: '  a confirmar: {{fields}}',
      summaryWarnings: '  avisos: {{warnings}}',
      summaryError: '{{file}}: {{message}}',
    },
  },
  {
    errors: {
      unsupported_file: 'The file is not a supported image (PNG, JPEG, TIFF, BMP or WebP).',
      corrupt_image: 'The image is damaged or incomplete and cannot be read.',
      too_small:
        'The image is too small ({{width}}×{{height}} pixels); scan at a higher resolution.',
      too_large: 'The image is too large; scan at 300 dpi at most.',
      no_document: 'No identity document was found in the image.',
      mrz_check_failed:
        'The machine-readable zone fails its check digits; scan the document again.',
      mrz_unreadable:
        'The machine-readable zone (the lines with <<<) could not be read. Scan the back of the document, flat and well lit, and try again.',
      ocr_timeout: 'Reading took longer than {{seconds}} s and was cancelled.',
      file_not_found: 'Cannot open the file: {{file}}',
    },
    ocr: {
      description: 'Reads scanned DNI, NIE/TIE and passports, offline',
      filesArgument: 'images to read',
      jsonOption: 'one JSON line per file',
      summaryOk: '{{file}}: {{type}} {{number}}, {{surnames}}, {{given}} ({{source}}, {{ms}} ms)',
      summaryUncertain: '  to confirm: {{fields}}',
      summaryWarnings: '  warnings: {{warnings}}',
      summaryError: '{{file}}: {{message}}',
    },
  },
);
