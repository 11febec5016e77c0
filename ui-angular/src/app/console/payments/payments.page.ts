import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MoneyPipe } from '../../core/format/money.pipe';
import type { CallFailure } from '../../core/graphql/errors';
import { failureOf } from '../core/console-api';
import { ConsolePage } from '../core/console-page';
import { formatConsoleDate } from '../core/console-date';
import type { ConsoleKey } from '../core/messages.en';
import { OneTimeLink } from '../core/one-time-link';
import type { ConsolePaymentFilter, TransactionStatus } from '../../core/graphql/schema-types';
import { ConsolePaymentsCsvGQL, ConsolePaymentsGQL, type ConsolePaymentRowFragment } from '../graphql/generated';
import {
  EMPTY_FILTER,
  STATUSES,
  buildFilter,
  formFromQuery,
  queryFromForm,
  type FilterField,
  type FilterForm,
} from './payment-filter';

/** Rows per page ("Load more" asks for the next page after the last cursor). */
export const PAGE_SIZE = 25;

/**
 * `/console/:practiceId/payments`: the practice's online payments, newest first, with filters (kept in the query
 * string, so "back" from a payment restores them), cursor pagination ("Load more"), a CSV export of everything the
 * filter matches, and loading, empty and error states.
 */
@Component({
  selector: 'app-console-payments',
  imports: [MoneyPipe, RouterLink, OneTimeLink],
  templateUrl: './payments.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentsPage extends ConsolePage {
  /** Route parameter. */
  readonly practiceId = input.required<string>();

  private readonly paymentsGql = inject(ConsolePaymentsGQL);
  private readonly csvGql = inject(ConsolePaymentsCsvGQL);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly statuses = STATUSES;

  protected readonly practice = computed(() => this.session.practice(this.practiceId()));
  protected readonly form = signal<FilterForm>(formFromQuery(this.route.snapshot.queryParams));
  protected readonly errors = signal<Partial<Record<FilterField, ConsoleKey>>>({});
  private readonly filter = signal<ConsolePaymentFilter>({});

  protected readonly rows = signal<ConsolePaymentRowFragment[]>([]);
  protected readonly totalCount = signal(0);
  protected readonly endCursor = signal<string | null>(null);
  protected readonly hasNextPage = signal(false);
  protected readonly loading = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly failure = signal<CallFailure | null>(null);
  protected readonly csv = signal<{ url: string; expiresAt: string } | null>(null);
  protected readonly csvBusy = signal(false);
  protected readonly csvFailure = signal<CallFailure | null>(null);
  /** Bumped by every search, so a late answer of an older one is ignored. */
  private generation = 0;

  constructor() {
    super();
    effect(() => {
      const practice = this.practice();
      this.title.set('title.payments', { practice: practice?.name ?? '' });
    });
    // The first visit, or another practice (the switcher, whose link carries no filters: a location of the old
    // practice means nothing in the new one): search with the form as the query string gives it.
    let first = true;
    effect(() => {
      this.practiceId();
      untracked(() => {
        if (!first) {
          this.form.set(formFromQuery(this.route.snapshot.queryParams));
        }
        first = false;
        this.search(false);
      });
    });
  }

  protected patch(changes: Partial<FilterForm>): void {
    this.form.update((f) => ({ ...f, ...changes }));
  }

  protected toggleStatus(status: TransactionStatus, on: boolean): void {
    this.form.update((f) => ({
      ...f,
      statuses: on
        ? STATUSES.filter((s) => s === status || f.statuses.includes(s))
        : f.statuses.filter((s) => s !== status),
    }));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.search(true);
  }

  protected clear(): void {
    this.form.set({ ...EMPTY_FILTER });
    this.search(true);
  }

  /** Validates the form, keeps it in the query string (when asked) and loads the first page. */
  protected search(updateUrl: boolean): void {
    const check = buildFilter(this.form());
    if (!check.ok) {
      this.errors.set(check.errors);
      const first = (['from', 'to', 'min', 'max'] as const).find((f) => check.errors[f] !== undefined);
      if (first !== undefined) {
        document.getElementById(`filter-${first}`)?.focus();
      }
      return;
    }
    this.errors.set({});
    this.filter.set(check.filter);
    this.csv.set(null);
    this.csvFailure.set(null);
    if (updateUrl) {
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: queryFromForm(this.form()),
        replaceUrl: true,
      });
    }
    void this.load(false);
  }

  protected async load(more: boolean): Promise<void> {
    if (more && this.loadingMore()) {
      return;
    }
    const generation = more ? this.generation : ++this.generation;
    (more ? this.loadingMore : this.loading).set(true);
    this.failure.set(null);
    try {
      const result = await this.api.call(
        this.paymentsGql.fetch({
          variables: {
            practiceId: this.practiceId(),
            filter: this.filter(),
            first: PAGE_SIZE,
            after: more ? this.endCursor() : null,
          },
        }),
      );
      if (generation !== this.generation) {
        return;
      }
      const page = result.data?.console?.practice?.payments;
      if (!page) {
        this.failure.set('NOT_FOUND');
        return;
      }
      const nodes = page.edges.map((e) => e.node);
      this.rows.set(more ? [...this.rows(), ...nodes] : nodes);
      this.totalCount.set(page.totalCount);
      this.endCursor.set(page.pageInfo.endCursor);
      this.hasNextPage.set(page.pageInfo.hasNextPage);
      if (more) {
        // Keyboard users continue from the first new row.
        const index = this.rows().length - nodes.length;
        setTimeout(() => document.querySelector<HTMLElement>(`[data-row-index="${String(index)}"] a`)?.focus());
      }
    } catch (error) {
      if (generation === this.generation) {
        this.failure.set(failureOf(error));
      }
    } finally {
      if (generation === this.generation) {
        (more ? this.loadingMore : this.loading).set(false);
      }
    }
  }

  protected async exportCsv(): Promise<void> {
    if (this.csvBusy()) {
      return;
    }
    this.csvBusy.set(true);
    this.csv.set(null);
    this.csvFailure.set(null);
    try {
      const result = await this.api.call(
        this.csvGql.fetch({ variables: { practiceId: this.practiceId(), filter: this.filter() } }),
      );
      this.csv.set(result.data?.console?.practice?.paymentsCsv ?? null);
    } catch (error) {
      this.csvFailure.set(failureOf(error));
    } finally {
      this.csvBusy.set(false);
    }
  }

  protected date(value: string): string {
    return formatConsoleDate(value, this.i18n.locale());
  }

  protected statusKey(status: TransactionStatus): ConsoleKey {
    return `status.${status}`;
  }

  protected hasFilter(): boolean {
    return Object.keys(this.filter()).length > 0;
  }
}
