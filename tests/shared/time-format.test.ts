import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatTime,
  isTimeZone,
  localDay,
  utcOffset,
} from '../../src/shared/time-format';

const madrid = { language: 'es', timeZone: 'Europe/Madrid' };

describe('local times', () => {
  it('shows an instant in the town zone, winter and summer, never as UTC', () => {
    expect(formatDateTime('2026-12-04T18:20:05Z', madrid)).toBe('04/12/2026 19:20');
    expect(formatDateTime('2026-07-01T22:30:00Z', madrid)).toBe('02/07/2026 00:30');
    expect(formatTime('2026-12-04T18:20:05Z', madrid)).toBe('19:20');
    expect(formatDate('2026-07-01T22:30:00Z', madrid)).toBe('02/07/2026');
  });

  it('adds the seconds and the UTC offset where the law wants them', () => {
    expect(formatDateTime('2026-12-04T18:20:05Z', madrid, { offset: true })).toBe(
      '04/12/2026 19:20:05 (UTC+01:00)',
    );
    expect(utcOffset('2026-07-01T10:00:00Z', madrid)).toBe('UTC+02:00');
    expect(utcOffset('2026-07-01T10:00:00Z', { language: 'es', timeZone: 'UTC' })).toBe(
      'UTC+00:00',
    );
  });

  it('follows the configured zone and language', () => {
    const canarias = { language: 'en', timeZone: 'Atlantic/Canary' };
    expect(formatDateTime('2026-12-04T18:20:05Z', canarias, { offset: true })).toBe(
      '04/12/2026 18:20:05 (UTC+00:00)',
    );
    expect(localDay('2026-12-04T23:30:00Z', 'Europe/Madrid')).toBe('2026-12-05');
    expect(localDay('2026-12-04T23:30:00Z', 'Atlantic/Canary')).toBe('2026-12-04');
  });

  it('keeps calendar dates as they are, and survives bad input and unknown zones', () => {
    expect(formatDate('1952-05-03', madrid)).toBe('03/05/1952');
    expect(formatDateTime(null, madrid)).toBe('');
    expect(formatDateTime('not a date', madrid)).toBe('');
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(
      formatDateTime('2026-12-04T18:20:05Z', { language: 'es', timeZone: 'Mars/Olympus' }),
    ).toBe('04/12/2026 19:20');
  });
});
