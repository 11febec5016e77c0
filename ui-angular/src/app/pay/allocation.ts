/** The part of an open charge the preview needs. */
export interface OpenCharge {
  id: string;
  serviceDate: string;
  balanceCents: number;
}

export interface PreviewLine {
  chargeId: string;
  appliedCents: number;
  remainingCents: number;
}

export interface AllocationPreview {
  lines: PreviewLine[];
  /** What would not fit on any charge (only if the balance changed meanwhile). */
  creditCents: number;
}

/**
 * Which charges an amount pays, the way the ledger allocates it: oldest date of service first. Charges on the same
 * date keep the order the server listed them in (a stable sort), which follows the ledger's entry order within a
 * patient. The receipt, built from the ledger, remains the authority; this is the patient's preview.
 */
export function previewAllocation(charges: readonly OpenCharge[], amountCents: number): AllocationPreview {
  const oldestFirst = [...charges].sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : 0));
  let left = Math.max(0, amountCents);
  const lines: PreviewLine[] = [];
  for (const charge of oldestFirst) {
    if (left === 0) {
      break;
    }
    if (charge.balanceCents <= 0) {
      continue;
    }
    const applied = Math.min(left, charge.balanceCents);
    left -= applied;
    lines.push({ chargeId: charge.id, appliedCents: applied, remainingCents: charge.balanceCents - applied });
  }
  return { lines, creditCents: left };
}
