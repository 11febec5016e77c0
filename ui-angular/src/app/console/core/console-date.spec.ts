import { formatConsoleDate, isoDay } from './console-date';

describe('formatConsoleDate', () => {
  it.each([
    ['2026-03-14', 'en-US', 'Mar 14, 2026'],
    ['2026-01-01', 'en-US', 'Jan 1, 2026'],
    ['2026-03-22T09:41:00-05:00', 'en-US', 'Mar 22, 2026, 9:41 AM'],
    ['2026-03-22T23:30:00-07:00', 'en-US', 'Mar 22, 2026, 11:30 PM'],
    ['2026-03-22T14:41:00Z', 'en-US', 'Mar 22, 2026, 2:41 PM UTC'],
    ['', 'en-US', ''],
    ['not a date', 'en-US', 'not a date'],
  ])('%s in %s → %s', (value, locale, text) => {
    expect(formatConsoleDate(value, locale).replace(/\u202f/g, ' ')).toBe(text);
  });

  it('shows the practice’s wall-clock time whatever the reader’s zone (no day shift)', () => {
    expect(formatConsoleDate('2026-03-22T23:30:00-05:00', 'es-US')).toContain('22');
  });
});

describe('isoDay', () => {
  it('counts calendar days back, across months and years', () => {
    const now = new Date(2026, 0, 2, 10, 0);
    expect(isoDay(now)).toBe('2026-01-02');
    expect(isoDay(now, 2)).toBe('2025-12-31');
    expect(isoDay(new Date(2026, 2, 31), 89)).toBe('2026-01-01');
  });
});
