import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../i18n/i18n';

/**
 * Dates for patients, in the current language. A date of service (`2026-03-14`) is a calendar date with no time
 * zone: formatted in UTC so it never shifts by a day. An instant is shown in the practice's time zone when given.
 */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | null | undefined, timeZone?: string): string {
    if (!value) {
      return '';
    }
    const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(calendarDate ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) {
      return value;
    }
    const options: Intl.DateTimeFormatOptions = calendarDate
      ? { dateStyle: 'medium', timeZone: 'UTC' }
      : { dateStyle: 'long', timeStyle: 'short', timeZone: timeZone ?? undefined, timeZoneName: undefined };
    try {
      return new Intl.DateTimeFormat(this.i18n.locale(), options).format(date);
    } catch {
      return new Intl.DateTimeFormat(this.i18n.locale(), { ...options, timeZone: undefined }).format(date);
    }
  }
}
