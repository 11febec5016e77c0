import type { HouseholdQuery } from '../core/graphql/generated';
import type { MessageKey } from '../core/i18n/messages.en';

export type Charge = NonNullable<HouseholdQuery['household']>['charges'][number];

export interface PatientGroup {
  patientId: string;
  patientName: string;
  /** What can be paid now for this patient (charges under dispute left out, as in `Household.balance`). */
  payableCents: number;
  /** Listed for this patient but under dispute. */
  disputedCents: number;
  charges: Charge[];
}

/** Totals of what the page lists vs what can be paid now; they add up: listed = payable + disputed. */
export interface ChargeTotals {
  listedCount: number;
  listedCents: number;
  payableCount: number;
  payableCents: number;
  disputedCount: number;
  disputedCents: number;
}

/** A charge under an open card dispute: listed, not payable until the dispute closes. */
export function isDisputed(charge: Pick<Charge, 'disputed' | 'status'>): boolean {
  return charge.disputed || charge.status === 'DISPUTED';
}

/** Open charges grouped by patient (in the server's patient order), oldest date of service first within each. */
export function groupByPatient(charges: readonly Charge[]): PatientGroup[] {
  const groups = new Map<string, PatientGroup>();
  for (const charge of charges) {
    let group = groups.get(charge.patientId);
    if (!group) {
      group = {
        patientId: charge.patientId,
        patientName: charge.patientName,
        payableCents: 0,
        disputedCents: 0,
        charges: [],
      };
      groups.set(charge.patientId, group);
    }
    group.charges.push(charge);
    if (isDisputed(charge)) {
      group.disputedCents += charge.balance.cents;
    } else {
      group.payableCents += charge.balance.cents;
    }
  }
  for (const group of groups.values()) {
    group.charges.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
  }
  return [...groups.values()];
}

/** Counts and sums of listed, payable and disputed charges. */
export function chargeTotals(charges: readonly Charge[]): ChargeTotals {
  const totals: ChargeTotals = {
    listedCount: 0,
    listedCents: 0,
    payableCount: 0,
    payableCents: 0,
    disputedCount: 0,
    disputedCents: 0,
  };
  for (const charge of charges) {
    totals.listedCount++;
    totals.listedCents += charge.balance.cents;
    if (isDisputed(charge)) {
      totals.disputedCount++;
      totals.disputedCents += charge.balance.cents;
    } else {
      totals.payableCount++;
      totals.payableCents += charge.balance.cents;
    }
  }
  return totals;
}

const KNOWN_DECLINES = new Set([
  'card_declined',
  'generic_decline',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
]);

/**
 * What the patient reads about a decline: our translation of the processor's code; the server's English text only
 * where no translation exists and the page is in English; a reason already in the patient's language (Stripe.js)
 * as is.
 */
export function declineMessage(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  lang: string,
  decline: { code: string | null; reason: string | null; localized?: boolean },
): string {
  const key = declineKey(decline.code);
  const serverReason = decline.reason ?? '';
  const reason =
    decline.localized === true
      ? decline.reason
      : key !== null
        ? t(key)
        : lang === 'en' && serverReason !== ''
          ? serverReason
          : null;
  return t('pay.declined', { reason: reason ?? t('decline.other') });
}

/** The translated message for a processor decline code (Stripe's `decline_code` / `code`), if we have one. */
export function declineKey(code: string | null | undefined): MessageKey | null {
  return code !== null && code !== undefined && KNOWN_DECLINES.has(code) ? (`decline.${code}` as MessageKey) : null;
}
