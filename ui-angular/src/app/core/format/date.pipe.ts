import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../i18n/i18n';
import { dateTimeFormat } from './date-time-format';

/** Builds the date-of-service formatter ahead of its first use (see `prepareMoneyFormat`). */
export function prepareDateFormat(locale: string): void {
  dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
}

/**
 * Dates for patients, in the current language. A date of service (`2026-03-14`) is a calendar date with no time
 * zone: formatted in UTC so it never shifts by a day. An instant is shown in the practice's time zone when given,
 * with the zone's name (`CDT`, or `GMT-5` where the language has no short name) so the time is unambiguous.
 */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | null | undefined, timeZone?: string): string {
    if (value === null || value === undefined || value === '') {
      return '';
    }
    const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(calendarDate ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) {
      return value;
    }
    const options: Intl.DateTimeFormatOptions = calendarDate
      ? { dateStyle: 'medium', timeZone: 'UTC' }
      : {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
          timeZone: timeZone ?? undefined,
        };
    return dateTimeFormat(this.i18n.locale(), options).format(date);
  }
}
