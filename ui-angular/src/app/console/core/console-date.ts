import { dateTimeFormat } from '../../core/format/date-time-format';

function formatFor(locale: string, timeZone: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  return dateTimeFormat(
    locale,
    withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone },
  );
}

/**
 * Console dates in the current language. A calendar date (`2026-03-14`, a date of service or an ROI day) never
 * shifts by a day (formatted in UTC). An instant the server sends with the practice's offset
 * (`2026-03-22T09:41:00-05:00`) is shown at that offset — the practice's wall-clock time, whatever the zone of the
 * staff member's computer; a `Z` instant in UTC with its zone named.
 */
export function formatConsoleDate(value: string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return formatFor(locale, 'UTC', false).format(new Date(`${value}T00:00:00Z`));
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  const offset = /([+-]\d{2}:\d{2})$/.exec(value)?.[1];
  const text = formatFor(locale, offset ?? 'UTC', true).format(date);
  return offset !== undefined ? text : `${text} UTC`;
}

/** `YYYY-MM-DD` of a local calendar day `daysAgo` days before `now` (the ROI page's default range). */
export function isoDay(now: Date, daysAgo = 0): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo);
  return `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
