import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { centralProblems } from '../../src/core/audit/central-chain';
import { auditProblemText, deviceErrorText } from '../../src/renderer/console/device-error';
import { CENTRAL_ERROR_CODES } from '../../src/shared/contract/central-errors';
import { languages, messages, translate } from '../../src/shared/i18n';
import type { Language, Messages } from '../../src/shared/i18n/define';

const CENTRAL_SRC = resolve(import.meta.dirname, '../../src/central');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );

/** Every action central can write: `centralAudit` takes only the `CentralAuditAction` union. */
const auditActions = (): string[] => {
  const text = readFileSync(join(CENTRAL_SRC, 'audit/store.ts'), 'utf8');
  const union = /export type CentralAuditAction =([^;]+);/.exec(text)?.[1] ?? '';
  return [...union.matchAll(/'([a-z_.]+)'/g)].map((m) => m[1] ?? '');
};

/** The codes central's op appliers refuse with, as they land in `devices.last_error`. */
const rejectionCodes = (): string[] => {
  const found = new Set<string>(['apply_failed']);
  for (const file of sourceFiles(CENTRAL_SRC))
    for (const m of readFileSync(file, 'utf8').matchAll(/rejectOp\('([a-z_]+)'\)/g))
      if (m[1]) found.add(m[1]);
  return [...found];
};

/** The catalog's own text in one language, with no fallback to the other. */
const own = (lang: Language, key: string): unknown =>
  key
    .split('.')
    .reduce<Messages | string | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      messages[lang],
    );

describe("central's console puts words, never codes, on what central stores", () => {
  it('names every audit action central can write, in Spanish and in English', () => {
    const actions = auditActions();
    expect(actions.length).toBeGreaterThan(30);
    expect(actions).toEqual(expect.arrayContaining(['privacy.erased', 'bluesky.published']));
    const missing = languages.flatMap((lang) =>
      actions
        .filter((a) => typeof own(lang, `console.auditActions.${a}`) !== 'string')
        .map((a) => `${lang}: ${a}`),
    );
    expect(missing).toEqual([]);
  });

  it("words every counter's last error central can store, with a sentence for any other", () => {
    const stored = [
      ...rejectionCodes(),
      ...CENTRAL_ERROR_CODES,
      ...centralProblems.map((p) => `audit_${p}@123`),
    ];
    expect(stored).toEqual(expect.arrayContaining(['invalid_payload', 'audit_chain_break@123']));
    for (const lang of languages) {
      const other = translate(lang, 'console.devices.lastErrors.other');
      for (const code of stored) {
        const text = deviceErrorText(lang, code);
        // A one-word code (`internal`) may well be a word of the sentence; a snake_case one not.
        if (code.includes('_')) expect(text, code).not.toContain(code.replace(/@\d+$/, ''));
        expect(text, code).not.toMatch(/\{\{|sync_|console\./);
        expect(text, code).not.toBe(other);
      }
      expect(deviceErrorText(lang, 'audit_chain_break@123')).toContain('123');
      expect(deviceErrorText(lang, 'codigo_de_una_version_nueva')).toBe(other);
      expect(deviceErrorText(lang, 'console.devices.title')).toBe(other);
      expect(auditProblemText(lang, 'problema_nuevo', null)).not.toContain('problema_nuevo');
    }
    // English has its own words, not Spanish ones fallen back to.
    expect(deviceErrorText('en', 'invalid_payload')).not.toBe(
      deviceErrorText('es', 'invalid_payload'),
    );
    expect(typeof own('en', 'console.devices.lastErrors.other')).toBe('string');
  });
});
