import type { z } from 'zod';

/** What was wrong with a field, as a key people's messages are looked up by (never zod's text). */
export type InputProblem =
  | 'required'
  | 'type'
  | 'number'
  | 'too_long'
  | 'too_short'
  | 'too_many'
  | 'too_few'
  | 'too_large'
  | 'too_small'
  | 'date'
  | 'format'
  | 'choice'
  | 'invalid';

const DATE_FIELD = /(date|Date|expiry|^from$|^to$)/;

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined,
    input,
  );

const problemOf = (issue: z.core.$ZodIssue, value: unknown, field: string): InputProblem => {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === null) return 'required';
      return issue.expected === 'number' || issue.expected === 'int' ? 'number' : 'type';
    case 'too_big':
      if (issue.origin === 'string') return 'too_long';
      return issue.origin === 'array' || issue.origin === 'set' ? 'too_many' : 'too_large';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'too_short';
      return issue.origin === 'array' || issue.origin === 'set' ? 'too_few' : 'too_small';
    case 'invalid_format':
      return DATE_FIELD.test(field) ? 'date' : 'format';
    case 'invalid_value':
      return 'choice';
    case 'custom':
      // IsoDay's calendar check names its problem.
      return issue.message === 'date' ? 'date' : 'invalid';
    default:
      return 'invalid';
  }
};

/**
 * The params of an `invalid_input` error: the field (its last named path segment) and the
 * problem, both keys that `translateError` turns into words, plus the limit when there is one.
 */
export const invalidInputParams = (
  error: z.ZodError,
  input: unknown,
): Record<string, string | number> => {
  const issue = error.issues[0];
  if (!issue) return { field: 'input', problem: 'invalid' };
  const named = issue.path.filter((p): p is string => typeof p === 'string');
  const field = named.at(-1) ?? 'input';
  const problem = problemOf(issue, valueAt(input, issue.path), field);
  const limit =
    issue.code === 'too_big'
      ? issue.maximum
      : issue.code === 'too_small'
        ? issue.minimum
        : undefined;
  return limit === undefined ? { field, problem } : { field, problem, limit: Number(limit) };
};

/** `field: problem; …`: the one way a refusal lists what was wrong where. */
export const listProblems = (problems: Iterable<readonly [string, string]>): string =>
  Array.from(problems, ([field, problem]) => `${field}: ${problem}`).join('; ');

/**
 * Up to `limit` problems as `path: problem` for a refusal's detail: the same problem names as
 * `invalid_input`, never zod's own (English, schema-worded) messages.
 */
export const issueSummary = (error: z.ZodError, input: unknown, limit = 3): string =>
  listProblems(
    error.issues.slice(0, limit).map((issue) => {
      const named = issue.path.filter((p): p is string => typeof p === 'string');
      const problem = problemOf(issue, valueAt(input, issue.path), named.at(-1) ?? 'input');
      return [issue.path.join('.') || '/', problem] as const;
    }),
  );
