import { describe, expect, it } from 'vitest';
import { wrap } from '../../../src/core/audit/pdf';

describe('audit PDF cells', () => {
  it('break between words, never inside one that fits a line', () => {
    const lines = wrap('Un administrador ha puesto una contraseña nueva.', 16);
    expect(lines).toEqual(['Un administrador', 'ha puesto una', 'contraseña', 'nueva.']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(16);
  });

  it('cut only a word longer than the whole cell', () => {
    expect(wrap('ver 0192f3a4b5c6d7e8f9', 10)).toEqual(['ver', '0192f3a4b5', 'c6d7e8f9']);
    expect(wrap('corto', 10)).toEqual(['corto']);
  });
});
