import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../i18n/i18n';

/** Money as the GraphQL contract carries it: integer cents plus an ISO-4217 currency. */
export interface Cents {
  cents: number;
  currency?: string;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * The only place cents become text. The amount goes to `Intl` as an exact decimal string (`"1234.05"`), never as a
 * floating-point division, so no rounding can creep in. Impure on purpose: it follows the language signal.
 */
export function formatCents(cents: number, currency: string, locale: string): string {
  const format = currencyFormat(locale, currency);
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const decimal = `${negative ? '-' : ''}${String(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
  return format.format(decimal as unknown as number);
}

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/**
 * Builds the formatter ahead of its first use. The first `Intl.NumberFormat` of a page loads the browser's locale
 * data (~20 ms on a fast machine, far more on a slow phone): a page calls this while its data is on the way, so
 * that cost is not paid in the render that shows the amounts.
 */
export function prepareMoneyFormat(locale: string, currency = 'USD'): void {
  currencyFormat(locale, currency);
}

@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: Cents | number | null | undefined, currency = 'USD'): string {
    if (value === null || value === undefined) {
      return '';
    }
    const cents = typeof value === 'number' ? value : value.cents;
    const code = typeof value === 'number' ? currency : (value.currency ?? currency);
    return formatCents(cents, code, this.i18n.locale());
  }
}
