import { describe, expect, it } from 'vitest';
import { MatchQuery } from '../../src/shared/contract/residents';
import { issueSummary } from '../../src/shared/input-issues';

describe('one issue formatter', () => {
  it('names each field and its problem, never zod’s own words', () => {
    const input = { document_type: 'CARNET', birth_date: '2026-02-31' };
    const parsed = MatchQuery.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const summary = issueSummary(parsed.error, input, 10);
    expect(summary).toContain('document_type: choice');
    expect(summary).toContain('birth_date: date');
    expect(summary).not.toMatch(/Invalid|expected|received/);
    expect(issueSummary(parsed.error, input).split('; ').length).toBeLessThanOrEqual(3);
  });
});
