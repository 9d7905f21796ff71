import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, parseDayMonthYear } from '../../src/shared/dates';

describe('dates as the counter writes them', () => {
  it.each([
    ['05/09/2033', '2033-09-05'],
    ['5/9/2033', '2033-09-05'],
    ['05-09-2033', '2033-09-05'],
    ['05.09.2033', '2033-09-05'],
    [' 2033-09-05 ', '2033-09-05'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDayMonthYear(text)).toBe(iso);
  });

  it.each(['31/04/2033', '29/02/2023', '09/2033', '2033/09/05', '05/13/2033', 'mañana', ''])(
    'refuses %j',
    (text) => {
      expect(parseDayMonthYear(text)).toBeNull();
    },
  );

  it('shows ISO dates as dd/mm/aaaa, and round-trips', () => {
    expect(formatDayMonthYear('2033-09-05')).toBe('05/09/2033');
    expect(parseDayMonthYear(formatDayMonthYear('1952-05-03'))).toBe('1952-05-03');
  });
});
