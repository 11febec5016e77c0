import type { HouseholdQuery } from '../core/graphql/generated';
import type { MessageKey } from '../core/i18n/messages.en';

export type Charge = NonNullable<HouseholdQuery['household']>['charges'][number];

export interface PatientGroup {
  patientId: string;
  patientName: string;
  balanceCents: number;
  charges: Charge[];
}

/** Open charges grouped by patient (in the server's patient order), oldest date of service first within each. */
export function groupByPatient(charges: readonly Charge[]): PatientGroup[] {
  const groups = new Map<string, PatientGroup>();
  for (const charge of charges) {
    let group = groups.get(charge.patientId);
    if (!group) {
      group = { patientId: charge.patientId, patientName: charge.patientName, balanceCents: 0, charges: [] };
      groups.set(charge.patientId, group);
    }
    group.charges.push(charge);
    group.balanceCents += charge.balance.cents;
  }
  for (const group of groups.values()) {
    group.charges.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
  }
  return [...groups.values()];
}

const KNOWN_DECLINES = new Set(['card_declined', 'generic_decline', 'insufficient_funds', 'expired_card', 'incorrect_cvc', 'processing_error']);

/** The translated message for a processor decline code (Stripe's `decline_code` / `code`), if we have one. */
export function declineKey(code: string | null | undefined): MessageKey | null {
  return code && KNOWN_DECLINES.has(code) ? (`decline.${code}` as MessageKey) : null;
}
