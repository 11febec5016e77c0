import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { requireData, type CallFailure } from '../../core/graphql/errors';
import { failureOf } from '../core/console-api';
import { ConsolePage } from '../core/console-page';
import { bindModal } from '../core/modal';
import { formatConsoleDate } from '../core/console-date';
import type { ConsoleKey } from '../core/messages.en';
import {
  ConsoleOperationsGQL,
  ConsoleReplayDeadLettersGQL,
  ConsoleRunReconciliationGQL,
  type ConsoleOperationsQuery,
} from '../graphql/generated';

type Operations = NonNullable<ConsoleOperationsQuery['console']>['operations'];

/** Longest reconciliation window the server runs (31 days). */
export const MAX_WINDOW_DAYS = 31;

/** `datetime-local` text (the reader's local time) → ISO instant; null when it is not a time. */
export function localToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A `datetime-local` value for `date` in the reader's local time. */
export function instantToLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Checks a reconciliation window: both times, from before to, at most 31 days. */
export function checkWindow(
  from: string,
  to: string,
): { ok: true; from: string; to: string } | { ok: false; error: ConsoleKey } {
  const a = localToInstant(from);
  const b = localToInstant(to);
  if (a === null || b === null) return { ok: false, error: 'ops.err.times' };
  const span = Date.parse(b) - Date.parse(a);
  if (span <= 0) return { ok: false, error: 'ops.err.order' };
  if (span > MAX_WINDOW_DAYS * 86_400_000) return { ok: false, error: 'ops.err.span' };
  return { ok: true, from: a, to: b };
}

/**
 * `/console/operations` (SUPPORT): the webhook queue's and dead-letter queue's depth, replaying the dead letters
 * (after a confirmation; postings are idempotent, so a replay never doubles a payment), the reconciliation runs and
 * what they repaired, and a run now for a chosen window.
 */
@Component({
  selector: 'app-console-operations',
  templateUrl: './operations.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OperationsPage extends ConsolePage {
  private readonly opsGql = inject(ConsoleOperationsGQL);
  private readonly replayGql = inject(ConsoleReplayDeadLettersGQL);
  private readonly reconcileGql = inject(ConsoleRunReconciliationGQL);

  protected readonly ops = signal<Operations | null>(null);
  protected readonly loading = signal(true);
  protected readonly failure = signal<CallFailure | null>(null);
  protected readonly confirmReplay = signal(false);
  protected readonly replaying = signal(false);
  protected readonly replayed = signal<number | null>(null);
  protected readonly replayFailure = signal<CallFailure | null>(null);
  protected readonly from = signal(instantToLocal(new Date(Date.now() - 86_400_000)));
  protected readonly to = signal(instantToLocal(new Date()));
  protected readonly windowError = signal<ConsoleKey | null>(null);
  protected readonly running = signal(false);
  protected readonly ran = signal<{ checked: number; repaired: number } | null>(null);
  protected readonly runFailure = signal<CallFailure | null>(null);

  private readonly replayDialog = viewChild<ElementRef<HTMLDialogElement>>('replayDialog');

  constructor() {
    super();
    bindModal(this.replayDialog, () => this.confirmReplay());
    this.title.set('title.operations');
    if (this.session.isSupport()) {
      void this.load();
    }
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      const result = await this.api.call(this.opsGql.fetch());
      this.ops.set(result.data?.console?.operations ?? null);
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async replay(): Promise<void> {
    if (this.replaying()) return;
    this.replaying.set(true);
    this.replayFailure.set(null);
    try {
      const result = await this.api.call(this.replayGql.mutate({ variables: { max: 100 } }));
      this.replayed.set(requireData(result, 'ConsoleReplayDeadLetters').replayDeadLetters);
      this.confirmReplay.set(false);
      void this.load();
    } catch (error) {
      this.replayFailure.set(failureOf(error));
    } finally {
      this.replaying.set(false);
    }
  }

  protected async reconcile(event: Event): Promise<void> {
    event.preventDefault();
    const check = checkWindow(this.from(), this.to());
    this.windowError.set(check.ok ? null : check.error);
    if (!check.ok) {
      document.getElementById('ops-to')?.focus();
      return;
    }
    if (this.running()) return;
    this.running.set(true);
    this.ran.set(null);
    this.runFailure.set(null);
    try {
      const result = await this.api.call(this.reconcileGql.mutate({ variables: { from: check.from, to: check.to } }));
      this.ran.set(requireData(result, 'ConsoleRunReconciliation').runReconciliation);
      void this.load();
    } catch (error) {
      this.runFailure.set(failureOf(error));
    } finally {
      this.running.set(false);
    }
  }

  protected date(value: string): string {
    return formatConsoleDate(value, this.i18n.locale());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
