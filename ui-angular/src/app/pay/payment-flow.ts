import { Injectable, signal } from '@angular/core';

/** A failed payment reported by the receipt page's polling, handed back to the pay page to show. */
export interface PaymentFailure {
  code: string | null;
  reason: string | null;
}

/** Hand-off between the pay and receipt pages within one tab (not persisted: a reload simply shows the balance). */
@Injectable({ providedIn: 'root' })
export class PaymentFlow {
  readonly lastFailure = signal<PaymentFailure | null>(null);

  take(): PaymentFailure | null {
    const failure = this.lastFailure();
    this.lastFailure.set(null);
    return failure;
  }
}

/** A fresh idempotency key for one submit. `crypto.randomUUID` needs a secure context; fall back to random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
