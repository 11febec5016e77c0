/** Smallest card payment the processor accepts, unless it is the whole (smaller) balance. Mirrors `AMOUNT_TOO_LOW`. */
export const MIN_PAYMENT_CENTS = 50;

export type AmountError = 'required' | 'format' | 'zero' | 'tooLow' | 'tooHigh';
export type AmountCheck = { ok: true; cents: number } | { ok: false; error: AmountError };

/**
 * Parses what a patient types into whole cents, without floating point: `25`, `25.5`, `25.50`, `$1,234.56`,
 * and `25,50` (a comma as the decimal mark, as many Spanish speakers write it). Null when it is not an amount.
 */
export function parseCents(text: string): number | null {
  let s = text.replace(/[\s$]/g, '');
  if (/^\d+,\d{1,2}$/.test(s)) {
    s = s.replace(',', '.');
  } else if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) {
    s = s.replace(/,/g, '');
  }
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s) ?? /^()\.(\d{1,2})$/.exec(s);
  if (!match) {
    return null;
  }
  const whole = match[1] === undefined || match[1] === '' ? 0 : Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** The same rules the server applies to `startPayment`, checked as the patient types. */
export function checkAmount(text: string, balanceCents: number): AmountCheck {
  if (text.trim() === '') {
    return { ok: false, error: 'required' };
  }
  const cents = parseCents(text);
  if (cents === null) {
    return { ok: false, error: 'format' };
  }
  if (cents === 0) {
    return { ok: false, error: 'zero' };
  }
  if (cents > balanceCents) {
    return { ok: false, error: 'tooHigh' };
  }
  if (cents < MIN_PAYMENT_CENTS && cents !== balanceCents) {
    return { ok: false, error: 'tooLow' };
  }
  return { ok: true, cents };
}
