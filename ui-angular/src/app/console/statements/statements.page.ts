import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import type { CallFailure } from '../../core/graphql/errors';
import {
  MAX_EXPORT_ACCOUNTS,
  isAccountNumber,
  parseAccountCsv,
  type AccountCsv,
  type CsvLineError,
} from '../core/account-csv';
import { failureOf } from '../core/console-api';
import { ConsolePage } from '../core/console-page';
import { OneTimeLink } from '../core/one-time-link';
import { toBase64 } from '../branding/logo-file';
import type { QrFormat } from '../../core/graphql/schema-types';
import {
  ConsoleEmailPaymentLinkGQL,
  ConsoleStatementLinkGQL,
  ConsoleStatementLinksExportGQL,
  type ConsoleStatementLinkQuery,
} from '../graphql/generated';

type StatementLink = NonNullable<
  NonNullable<NonNullable<ConsoleStatementLinkQuery['console']>['practice']>['statementLink']
>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Largest CSV read in the browser (5,000 accounts fit in far less). */
const MAX_CSV_BYTES = 1024 * 1024;

/**
 * The server's QR code (an SVG document) as an `<img>` data URL: an image never runs the document's scripts or
 * touches the page, so the markup is never inserted into the DOM.
 */
export function qrImageUrl(svg: string): string {
  return `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`;
}

/**
 * `/console/:practiceId/statements`: a statement's payment link for one account (URL with the account prefilled and its
 * QR code, print-friendly; optionally emailed to the household — PRACTICE_ADMIN and BILLING), and a batch export for a
 * statement-printing vendor from a CSV of account numbers, checked line by line in the browser first.
 */
@Component({
  selector: 'app-console-statements',
  imports: [OneTimeLink],
  templateUrl: './statements.page.html',
  styles: `
    .statement {
      margin-top: 1rem;
      padding-top: 1rem;
      border-top: 1px solid var(--border);
    }
    .statement form {
      margin-top: 1rem;
    }
    .statement-qr {
      width: 2.5cm;
      height: 2.5cm;
      min-width: 96px;
      min-height: 96px;
      background: #fff;
    }
    .statement-url {
      overflow-wrap: anywhere;
      font-family: ui-monospace, monospace;
    }
    .csv-errors {
      max-height: 16rem;
      overflow: auto;
    }
    @media print {
      .statement-print-hide {
        display: none !important;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatementsPage extends ConsolePage {
  readonly practiceId = input.required<string>();

  private readonly linkGql = inject(ConsoleStatementLinkGQL);
  private readonly exportGql = inject(ConsoleStatementLinksExportGQL);
  private readonly emailGql = inject(ConsoleEmailPaymentLinkGQL);
  protected readonly maxAccounts = MAX_EXPORT_ACCOUNTS;

  protected readonly canEmail = computed(() => this.session.canRefund(this.practiceId()));
  protected readonly account = signal('');
  protected readonly accountSubmitted = signal(false);
  protected readonly accountInvalid = computed(() => !isAccountNumber(this.account().trim()));
  protected readonly link = signal<StatementLink | null>(null);
  protected readonly qrSrc = computed(() => {
    const link = this.link();
    return link === null ? null : qrImageUrl(link.qrSvg);
  });
  protected readonly linkBusy = signal(false);
  protected readonly linkFailure = signal<CallFailure | null>(null);

  protected readonly email = signal('');
  protected readonly emailSubmitted = signal(false);
  protected readonly emailBusy = signal(false);
  protected readonly emailSent = signal<string | null>(null);
  protected readonly emailFailure = signal<CallFailure | null>(null);

  protected readonly csv = signal<AccountCsv | null>(null);
  protected readonly csvText = signal('');
  protected readonly csvTooLarge = signal(false);
  protected readonly format = signal<QrFormat>('SVG');
  protected readonly exportBusy = signal(false);
  protected readonly exportLink = signal<{ url: string; expiresAt: string } | null>(null);
  protected readonly exportFailure = signal<CallFailure | null>(null);

  constructor() {
    super();
    effect(() => {
      this.title.set('title.statements', { practice: this.session.practice(this.practiceId())?.name ?? '' });
    });
  }

  protected async findLink(event: Event): Promise<void> {
    event.preventDefault();
    this.accountSubmitted.set(true);
    if (this.accountInvalid()) {
      document.getElementById('statement-account')?.focus();
      return;
    }
    if (this.linkBusy()) return;
    this.linkBusy.set(true);
    this.link.set(null);
    this.linkFailure.set(null);
    this.emailSent.set(null);
    try {
      const result = await this.api.call(
        this.linkGql.fetch({ variables: { practiceId: this.practiceId(), accountNumber: this.account().trim() } }),
      );
      this.link.set(result.data?.console?.practice?.statementLink ?? null);
      if (!this.link()) this.linkFailure.set('NOT_FOUND');
    } catch (error) {
      this.linkFailure.set(failureOf(error));
    } finally {
      this.linkBusy.set(false);
    }
  }

  protected emailInvalid(): boolean {
    return !EMAIL.test(this.email().trim());
  }

  protected async sendEmail(event: Event): Promise<void> {
    event.preventDefault();
    this.emailSubmitted.set(true);
    const link = this.link();
    if (!link || this.emailInvalid()) {
      document.getElementById('statement-email')?.focus();
      return;
    }
    if (this.emailBusy()) return;
    this.emailBusy.set(true);
    this.emailSent.set(null);
    this.emailFailure.set(null);
    try {
      await this.api.call(
        this.emailGql.mutate({
          variables: { practiceId: this.practiceId(), accountNumber: link.accountNumber, email: this.email().trim() },
        }),
      );
      this.emailSent.set(this.email().trim());
      this.email.set('');
      this.emailSubmitted.set(false);
    } catch (error) {
      this.emailFailure.set(failureOf(error));
    } finally {
      this.emailBusy.set(false);
    }
  }

  protected print(): void {
    window.print();
  }

  protected async chooseCsv(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.exportLink.set(null);
    this.csvTooLarge.set(false);
    if (!file) {
      this.csv.set(null);
      return;
    }
    if (file.size > MAX_CSV_BYTES) {
      this.csvTooLarge.set(true);
      this.csv.set(null);
      return;
    }
    this.readCsv(await file.text());
  }

  protected pasted(event: Event): void {
    this.csvText.set((event.target as HTMLTextAreaElement).value);
  }

  protected checkPasted(): void {
    this.exportLink.set(null);
    this.readCsv(this.csvText());
  }

  private readCsv(text: string): void {
    this.csv.set(parseAccountCsv(text));
  }

  protected errorText(error: CsvLineError): string {
    switch (error.kind) {
      case 'invalid':
        return this.t('statements.csv.invalid', { line: error.line, value: error.value });
      case 'duplicate':
        return this.t('statements.csv.duplicate', { line: error.line, value: error.value });
      default:
        return this.t('statements.csv.empty', { line: error.line });
    }
  }

  protected async exportZip(): Promise<void> {
    const csv = this.csv();
    if (!csv || csv.accounts.length === 0 || this.exportBusy()) return;
    this.exportBusy.set(true);
    this.exportLink.set(null);
    this.exportFailure.set(null);
    try {
      const result = await this.api.call(
        this.exportGql.fetch({
          variables: { practiceId: this.practiceId(), accountNumbers: csv.accounts, format: this.format() },
        }),
      );
      this.exportLink.set(result.data?.console?.practice?.statementLinksExport ?? null);
    } catch (error) {
      this.exportFailure.set(failureOf(error));
    } finally {
      this.exportBusy.set(false);
    }
  }

  /** A count in the reader's language (`5,000`). */
  protected count(n: number): string {
    return n.toLocaleString(this.i18n.locale());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
