import { Injectable, inject, signal } from '@angular/core';
import type { StartPaymentMutation } from '../core/graphql/generated';
import { Session } from '../core/session/session';

/** A failed payment reported by the receipt page's polling, handed back to the pay page to show. */
export interface PaymentFailure {
  code: string | null;
  reason: string | null;
}

export type PaymentSession = StartPaymentMutation['startPayment'];
export type AmountMode = 'full' | 'other';

/** A receipt seen in this tab's visit, for the balance page's "Receipts from this visit". */
export interface VisitReceipt {
  txId: string;
  amountCents: number;
}

/**
 * What the pay flow keeps in memory for this tab (never in storage): the amount the patient chose (mode and text),
 * the payment a late decline belongs to, the receipts of this visit, and the payments this tab started but never
 * confirmed. It survives moving between pages and signing in again after a timeout on the same tab; signing out, or
 * another account signing in, clears it.
 */
@Injectable({ providedIn: 'root' })
export class PaymentFlow {
  readonly lastFailure = signal<PaymentFailure | null>(null);
  readonly mode = signal<AmountMode>('full');
  readonly amountText = signal('');
  /** The payment a decline reported by the receipt page belongs to: the pay page reopens its card step. */
  readonly declinedSession = signal<PaymentSession | null>(null);
  readonly receipts = signal<VisitReceipt[]>([]);
  /** Payments started here whose card step was left without paying (not "another payment in progress"). */
  private readonly unconfirmed = new Set<string>();

  constructor() {
    inject(Session).remember(() => {
      this.clear();
    });
  }

  take(): PaymentFailure | null {
    const failure = this.lastFailure();
    this.lastFailure.set(null);
    return failure;
  }

  started(paymentId: string): void {
    this.unconfirmed.add(paymentId);
  }

  confirmed(paymentId: string): void {
    this.unconfirmed.delete(paymentId);
  }

  /** True for a payment this tab started and never submitted a card for. */
  abandonedHere(paymentId: string): boolean {
    return this.unconfirmed.has(paymentId);
  }

  addReceipt(receipt: VisitReceipt): void {
    if (!this.receipts().some((r) => r.txId === receipt.txId)) {
      this.receipts.update((list) => [...list, receipt]);
    }
  }

  clear(): void {
    this.lastFailure.set(null);
    this.mode.set('full');
    this.amountText.set('');
    this.declinedSession.set(null);
    this.receipts.set([]);
    this.unconfirmed.clear();
  }
}

/** A fresh idempotency key for one submit. `crypto.randomUUID` needs a secure context; fall back to random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // RFC 9562 version 4: the version in byte 6's high nibble, the variant in byte 8's two high bits.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (b, i) => {
    const byte = i === 6 ? (b & 0x0f) | 0x40 : i === 8 ? (b & 0x3f) | 0x80 : b;
    return byte.toString(16).padStart(2, '0');
  }).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
