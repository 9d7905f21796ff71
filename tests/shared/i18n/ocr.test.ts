import { describe, expect, it } from 'vitest';
import { OcrErrorCode } from '../../../src/shared/contract/ocr';
import { translateError } from '../../../src/shared/i18n';

describe('OCR error messages', () => {
  it.each(OcrErrorCode.options)('%s has a Spanish and an English text', (code) => {
    const params = { width: 10, height: 10, seconds: 10, file: 'x.png', minSide: 200 };
    for (const lang of ['es', 'en'] as const) {
      const text = translateError(lang, { code, params });
      expect(text).not.toBe(`errors.${code}`);
      expect(text).not.toMatch(/\{\{/);
    }
  });
});
