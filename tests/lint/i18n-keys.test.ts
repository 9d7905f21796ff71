import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CENTRAL_ERROR_CODES } from '../../src/shared/contract/central-errors';
import type { Messages } from '../../src/shared/i18n/define';
import { messages } from '../../src/shared/i18n';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });

const node = (lang: 'es' | 'en', key: string): string | Messages | undefined => {
  let at: string | Messages | undefined = messages[lang];
  for (const part of key.split('.')) {
    if (typeof at !== 'object') return undefined;
    at = at[part];
  }
  return at;
};

/** i18next's plural forms: `t('x.count', { count })` reads `x.count_one` / `x.count_other`. */
const isSentence = (lang: 'es' | 'en', key: string): boolean =>
  typeof node(lang, key) === 'string' || typeof node(lang, `${key}_other`) === 'string';

/**
 * Where source code names a message. A literal key must be a sentence in both languages; a key
 * built at run time (`t(\`ui.roles.${role}\`)`) must at least land in a group both languages have.
 */
const KEY = String.raw`[A-Za-z]\w*(?:\.\w+)+`;
const SENTENCES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [new RegExp(String.raw`\btranslate\(\s*[\w.]+\s*,\s*'(${KEY})'`, 'g'), (m) => m[1]!],
  [/\bAppError\(\s*'(\w+)'/g, (m) => `errors.${m[1]}`],
  [/\btranslateError\(\s*[\w.]+\s*,\s*\{\s*code:\s*'(\w+)'/g, (m) => `errors.${m[1]}`],
  [/\breturn \{ code: '(\w+)'/g, (m) => `errors.${m[1]}`],
  // Screens and menus carry their title as a key for the shell to translate.
  [new RegExp(String.raw`\blabel:\s*'([a-z]\w*(?:\.\w+)+)'`, 'g'), (m) => m[1]!],
];
const GROUPS: RegExp[] = [/\btranslate\(\s*[\w.]+\s*,\s*`([A-Za-z]\w*(?:\.\w+)*)\.\$\{/g];

/** A PDF writer's own `t` reads keys under one prefix: `t('status')` is `privacy.pdf.status`. */
const LOCAL_T = /const t = \([^)]*\)\s*=>\s*translate\(\s*\w+,\s*`([\w.]+)\.\$\{key\}`/;

interface Use {
  readonly key: string;
  readonly where: string;
  readonly group: boolean;
}

const usesIn = (file: string): Use[] => {
  const text = readFileSync(file, 'utf8');
  const where = (index: number | undefined) =>
    `${relative(ROOT, file)}:${text.slice(0, index).split('\n').length}`;
  const prefix = LOCAL_T.exec(text)?.[1];
  const under = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const tKey = prefix ? String.raw`\w+(?:\.\w+)*` : KEY;
  const sentences: typeof SENTENCES = [
    ...SENTENCES,
    [new RegExp(String.raw`\b(?:t|i18n\.t)\(\s*'(${tKey})'`, 'g'), (m) => under(m[1]!)],
  ];
  const groups = [...GROUPS, /\b(?:t|i18n\.t)\(\s*`(\w+(?:\.\w+)*)\.\$\{/g];
  return [
    ...sentences.flatMap(([pattern, keyOf]) =>
      [...text.matchAll(pattern)].map((m) => ({
        key: keyOf(m),
        where: where(m.index),
        group: false,
      })),
    ),
    ...groups.flatMap((pattern) =>
      [...text.matchAll(pattern)].map((m) => ({
        key: pattern === GROUPS[0] ? m[1]! : under(m[1]!),
        where: where(m.index),
        group: true,
      })),
    ),
  ];
};

const missing = (uses: readonly Use[]): string[] =>
  uses.flatMap(({ key, where, group }) =>
    (['es', 'en'] as const)
      .filter((lang) => (group ? typeof node(lang, key) !== 'object' : !isSentence(lang, key)))
      .map((lang) => `${where}: ${key} (${group ? 'group' : 'sentence'}) missing in ${lang}`),
  );

describe('i18n keys', () => {
  const uses = sources(SRC)
    .filter((f) => !f.startsWith(join(SRC, 'shared/i18n')))
    .flatMap(usesIn);

  it('finds the keys the code names (the scan itself works)', () => {
    expect(uses.length).toBeGreaterThan(500);
    expect(uses.filter((u) => u.group).length).toBeGreaterThan(10);
    expect(uses.some((u) => u.key === 'errors.invalid_input')).toBe(true);
  });

  it('every key named in src is a sentence in Spanish and English', () => {
    expect(missing(uses)).toEqual([]);
  });

  it('every refusal central may send has its sentence on the counter', () => {
    const uses = CENTRAL_ERROR_CODES.map((code) => ({
      key: `errors.sync_${code}`,
      where: 'CENTRAL_ERROR_CODES',
      group: false,
    }));
    expect(missing(uses)).toEqual([]);
  });

  it('every input problem has its words', () => {
    const text = readFileSync(join(SRC, 'shared/input-issues.ts'), 'utf8');
    const union = /export type InputProblem =([^;]+);/.exec(text)?.[1] ?? '';
    const problems = [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
    expect(problems).toContain('required');
    const uses = problems.map((p) => ({
      key: `inputProblems.${p}`,
      where: 'InputProblem',
      group: false,
    }));
    expect(missing(uses)).toEqual([]);
  });

  it('reports a key that is missing, or a group used as a sentence', () => {
    expect(
      missing([
        { key: 'ui.noSuchKey', where: 'x', group: false },
        { key: 'ui.roles', where: 'y', group: false },
        { key: 'ui.roles', where: 'z', group: true },
      ]),
    ).toEqual([
      'x: ui.noSuchKey (sentence) missing in es',
      'x: ui.noSuchKey (sentence) missing in en',
      'y: ui.roles (sentence) missing in es',
      'y: ui.roles (sentence) missing in en',
    ]);
  });
});
