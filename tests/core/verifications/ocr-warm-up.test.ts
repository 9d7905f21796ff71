import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVerificationDesk } from '../../../src/core/verifications';
import { ensureFixtures, GENERATED_DIR } from '../../fixtures/cards/generate';
import { SYSTEM, testCore } from '../../helpers/test-core';

await ensureFixtures(1);
const CARD = readFileSync(join(GENERATED_DIR, 'dni_back-0-clean.png'));

describe('OCR warm-up when the desk opens', () => {
  it('starts the workers in the background, so the first card starts none', async () => {
    const t = testCore();
    const desk = createVerificationDesk(t.core.deps, t.core.services.residents, () =>
      Promise.reject(new Error('not used')),
    );
    const ctx = { session: undefined, actor: SYSTEM, setSession: () => undefined };
    try {
      // Answers at once; the workers start behind it.
      expect(desk.handlers.verifyWarmUp({}, ctx)).toEqual({ ready: false });
      await desk.ocr().warmUp(); // the same run, shared
      expect(desk.handlers.verifyWarmUp({}, ctx)).toEqual({ ready: true });
      const started = desk.ocr().stats().workersCreated;
      expect(started).toBeGreaterThan(0);
      const { result } = await desk.handlers.verifyReadImage(
        { front: CARD.toString('base64') },
        ctx,
      );
      expect(result.document.document_number).toBe('74252101M');
      expect(desk.ocr().stats().workersCreated).toBe(started);
    } finally {
      await desk.close();
    }
  }, 120_000);
});
