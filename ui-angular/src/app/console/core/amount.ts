import { parseCents } from '../../pay/amount';

/** Largest amount a GraphQL `Int` carries (2^31 − 1 cents): anything above would be rejected before any resolver. */
export const MAX_INT_CENTS = 2_147_483_647;

export type RefundAmountError = 'required' | 'format' | 'zero' | 'tooHigh';
export type RefundAmountCheck = { ok: true; cents: number } | { ok: false; error: RefundAmountError };

/**
 * A partial refund typed by staff, read into whole cents with the patient form's parser (`parseCents`: no floating
 * point, `$1,234.56`, `25,50`), then checked against what is still refundable (`ConsolePayment.refundable.cents`) —
 * the same rule the server applies (`BAD_USER_INPUT` above what is refundable).
 */
export function checkRefundAmount(text: string, refundableCents: number): RefundAmountCheck {
  if (text.trim() === '') {
    return { ok: false, error: 'required' };
  }
  const cents = parseCents(text);
  if (cents === null || cents > MAX_INT_CENTS) {
    return { ok: false, error: 'format' };
  }
  if (cents === 0) {
    return { ok: false, error: 'zero' };
  }
  if (cents > refundableCents) {
    return { ok: false, error: 'tooHigh' };
  }
  return { ok: true, cents };
}

/** An optional amount filter: blank is "no limit" (null), else whole cents within a GraphQL `Int`; `undefined` when invalid. */
export function parseFilterAmount(text: string): number | null | undefined {
  if (text.trim() === '') {
    return null;
  }
  const cents = parseCents(text);
  return cents === null || cents > MAX_INT_CENTS ? undefined : cents;
}

/** Cents as the plain decimal a form field shows (`2550` → `25.50`), exact, for pre-filling an input. */
export function centsToInput(cents: number): string {
  return `${String(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
}
