import { dateTimeFormat } from './date-time-format';

describe('dateTimeFormat', () => {
  it('builds one format per locale and options and hands it out again', () => {
    const first = dateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(first);
    expect(dateTimeFormat('es-US', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(first);
    expect(dateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'America/Chicago' })).not.toBe(first);
    expect(first.format(new Date('2026-03-14T00:00:00Z'))).toBe('Mar 14, 2026');
  });

  it('falls back to the browser’s own zone for a zone it cannot use, instead of throwing', () => {
    const format = dateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'Not/AZone' });
    expect(format.resolvedOptions().timeZone).toBe(new Intl.DateTimeFormat('en-US').resolvedOptions().timeZone);
  });
});
