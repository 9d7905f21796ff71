import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../src/shared/contract';
import { translateError } from '../../src/shared/i18n';
import type { ErrorShape } from '../../src/shared/errors';
import { ocrDocument } from '../helpers/ocr-document';
import { testCore } from '../helpers/test-core';

/** The top-level fields of an operation's input (inside refinements and defaults). */
const fieldsOf = (schema: z.ZodType): string[] => {
  let s: unknown = schema;
  for (let i = 0; i < 5; i++) {
    const def = (s as { def: { type: string; innerType?: unknown; in?: unknown } }).def;
    if (def.type === 'object') return Object.keys((s as z.ZodObject).shape);
    s = def.innerType ?? def.in;
    if (!s) return [];
  }
  return [];
};

/** One value of each kind a person (or a buggy screen) can send where something else is due. */
const BAD_VALUES: readonly unknown[] = [
  12345,
  -1,
  'x'.repeat(5000),
  '',
  '05/09/2033',
  '31/31/2033',
  'no-such-choice',
  { nested: true },
  [1, 2, 3],
  null,
];

// What zod or a regex would say; a person never reads any of it.
const LEAKS = [
  /invalid/i,
  /expected/i,
  /received/i,
  /too (big|small)/i,
  /pattern/i,
  /\\d|\^|\$\)|\[a-z/,
  /\{\{|\}\}/,
  /errors\.|inputFields\.|inputProblems\./,
];

const rawKey = (key: string): boolean => key.includes('_') || /[a-z][A-Z]/.test(key);

describe('every contract error reaches a person translated', () => {
  it('walks every operation with invalid input of each kind, in es and en', async () => {
    const { core } = testCore();
    const problems = new Set<string>();
    let refused = 0;
    for (const [name, def] of Object.entries(contract)) {
      const fields = fieldsOf(def.input as z.ZodType);
      const inputs: unknown[] = ['not an object', 42, [], {}];
      for (const field of fields) for (const bad of BAD_VALUES) inputs.push({ [field]: bad });
      for (const input of inputs) {
        const { envelope } = await core.dispatch(name, input, {});
        if (envelope.ok) continue;
        const error: ErrorShape = envelope.error;
        if (error.code !== 'invalid_input') continue;
        refused += 1;
        problems.add(String(error.params?.problem));
        const es = translateError('es', error);
        const en = translateError('en', error);
        for (const text of [es, en]) {
          for (const leak of LEAKS)
            expect(text, `${name} ${JSON.stringify(input)}`).not.toMatch(leak);
          for (const key of fields.filter(rawKey)) expect(text).not.toContain(key);
          const field = String(error.params?.field);
          if (rawKey(field)) expect(text).not.toContain(field);
        }
        expect(es).not.toBe(en);
      }
    }
    expect(refused).toBeGreaterThan(500);
    // Each kind of mistake was met, so each kind's wording was checked.
    for (const p of ['required', 'type', 'number', 'too_long', 'date', 'choice', 'too_small']) {
      expect(problems).toContain(p);
    }
  });

  it('names a nested date field by its label and asks for dd/mm/aaaa', async () => {
    const { core } = testCore();
    const document = ocrDocument({ document_number: '74252101M', expiry_date: '05/09/2033' });
    const { envelope } = await core.dispatch('verifyMatch', { document }, {});
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(translateError('es', envelope.error)).toBe(
      'Fecha de caducidad: no es una fecha válida; escríbala como dd/mm/aaaa.',
    );
    expect(translateError('en', envelope.error)).toBe(
      'Expiry date: is not a valid date; write it as dd/mm/yyyy.',
    );
  });
});

describe('params that are keys', () => {
  it('words a role instead of showing it', () => {
    const error = { code: 'forms_document_invalid', params: { who: 'party' } };
    expect(translateError('es', error)).toBe(
      'El documento de identidad del interesado no es válido; compruebe la letra y las cifras.',
    );
    expect(translateError('en', error)).not.toContain('party;');
  });

  it('reads an unknown code as an internal error, never as its key', () => {
    expect(translateError('es', { code: 'no_such_code' })).toBe(
      'Error interno. Consulte el registro de la aplicación.',
    );
  });
});
