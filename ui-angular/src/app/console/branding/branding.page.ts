import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { requireData, type CallFailure } from '../../core/graphql/errors';
import { ConsoleTask, failureOf } from '../core/console-api';
import { ConsolePage } from '../core/console-page';
import { bindModal } from '../core/modal';
import { formatConsoleDate } from '../core/console-date';
import type { ConsoleKey } from '../core/messages.en';
import { OneTimeLink } from '../core/one-time-link';
import type { ReceiptBrandingInput } from '../../core/graphql/schema-types';
import {
  ConsolePreviewBrandingGQL,
  ConsolePublishBrandingGQL,
  ConsoleReceiptBrandingGQL,
  ConsoleSaveBrandingDraftGQL,
  type ConsoleBrandingStateFragment,
} from '../graphql/generated';
import { MAX_LOGO_BYTES, checkLogo, type LogoCheck } from './logo-file';

export const SIGNATURE_MAX = 200;
export const FOOTER_MAX = 500;

/**
 * `/console/:practiceId/branding` (PRACTICE_ADMIN): the receipt's logo (PNG or SVG, ≤ 256 KiB, checked here and again
 * by the server), signature-area text and footer, edited as a draft beside what patients see now (published);
 * a PDF preview of the draft on sample data or a real transaction; publishing after a confirmation.
 */
@Component({
  selector: 'app-console-branding',
  imports: [OneTimeLink],
  templateUrl: './branding.page.html',
  styles: `
    .branding-cols {
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    }
    .branding-logo {
      max-width: 12rem;
      max-height: 6rem;
      border: 1px solid var(--border);
      background: #fff;
      padding: 0.25rem;
    }
    .branding-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BrandingPage extends ConsolePage {
  readonly practiceId = input.required<string>();

  private readonly brandingGql = inject(ConsoleReceiptBrandingGQL);
  private readonly saveGql = inject(ConsoleSaveBrandingDraftGQL);
  private readonly publishGql = inject(ConsolePublishBrandingGQL);
  private readonly previewGql = inject(ConsolePreviewBrandingGQL);
  protected readonly signatureMax = SIGNATURE_MAX;
  protected readonly footerMax = FOOTER_MAX;
  protected readonly maxLogoKb = MAX_LOGO_BYTES / 1024;

  protected readonly isAdmin = computed(() => this.session.role(this.practiceId()) === 'PRACTICE_ADMIN');
  protected readonly state = signal<ConsoleBrandingStateFragment | null>(null);
  protected readonly loadState = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly failure = signal<CallFailure | null>(null);

  protected readonly signature = signal('');
  protected readonly footer = signal('');
  protected readonly logo = signal<LogoCheck | null>(null);
  protected readonly removeLogo = signal(false);
  private readonly saveTask = new ConsoleTask();
  protected readonly saving = this.saveTask.busy;
  protected readonly saved = signal(false);
  protected readonly saveFailure = this.saveTask.failure;

  protected readonly previewSource = signal<'sample' | 'transaction'>('sample');
  protected readonly previewTx = signal('');
  protected readonly previewSubmitted = signal(false);
  private readonly previewTask = new ConsoleTask();
  protected readonly previewing = this.previewTask.busy;
  protected readonly preview = signal<{ url: string; expiresAt: string } | null>(null);
  protected readonly previewFailure = this.previewTask.failure;

  protected readonly confirmPublish = signal(false);
  private readonly publishTask = new ConsoleTask();
  protected readonly publishing = this.publishTask.busy;
  protected readonly published = signal(false);
  protected readonly publishFailure = this.publishTask.failure;

  /** The logo chosen in this form, as a data URL for its preview (PNG or SVG in an `<img>`: no script runs). */
  protected readonly logoPreview = computed(() => {
    const logo = this.logo();
    return logo?.ok === true ? `data:${logo.contentType};base64,${logo.base64}` : null;
  });

  private readonly publishDialog = viewChild<ElementRef<HTMLDialogElement>>('publishDialog');

  constructor() {
    super();
    bindModal(this.publishDialog, () => this.confirmPublish());
    effect(() => {
      this.title.set('title.branding', { practice: this.session.practice(this.practiceId())?.name ?? '' });
      if (this.isAdmin()) {
        untracked(() => void this.load());
      }
    });
  }

  protected async load(): Promise<void> {
    this.loadState.set('loading');
    try {
      const result = await this.api.call(this.brandingGql.fetch({ variables: { practiceId: this.practiceId() } }));
      const state = result.data?.console?.practice?.receiptBranding ?? null;
      this.apply(state);
      this.loadState.set('ready');
    } catch (error) {
      this.failure.set(failureOf(error));
      this.loadState.set('error');
    }
  }

  /** Fills the form from the draft (else the published branding). */
  private apply(state: ConsoleBrandingStateFragment | null): void {
    this.state.set(state);
    const source = state?.draft ?? state?.published ?? null;
    this.signature.set(source?.signatureText ?? '');
    this.footer.set(source?.footerText ?? '');
    this.logo.set(null);
    this.removeLogo.set(false);
  }

  protected async chooseLogo(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.saved.set(false);
    if (!file) {
      this.logo.set(null);
      return;
    }
    // Size first: a huge file is never read into memory.
    this.logo.set(
      file.size > MAX_LOGO_BYTES
        ? { ok: false, error: 'tooLarge' }
        : checkLogo(new Uint8Array(await file.arrayBuffer())),
    );
    if (this.logo()?.ok === true) {
      this.removeLogo.set(false);
    }
  }

  protected logoErrorKey(error: 'empty' | 'tooLarge' | 'type'): ConsoleKey {
    return `branding.logo.${error}`;
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const logo = this.logo();
    if (logo && !logo.ok) {
      document.getElementById('branding-logo')?.focus();
      return;
    }
    const input: ReceiptBrandingInput = { signatureText: this.signature().trim(), footerText: this.footer().trim() };
    if (logo?.ok) {
      input.logoBase64 = logo.base64;
      input.logoContentType = logo.contentType;
    } else if (this.removeLogo()) {
      input.removeLogo = true;
    }
    await this.saveTask.run(async () => {
      this.saved.set(false);
      const result = await this.api.call(this.saveGql.mutate({ variables: { practiceId: this.practiceId(), input } }));
      this.apply(requireData(result, 'ConsoleSaveBrandingDraft').saveReceiptBrandingDraft);
      this.saved.set(true);
      this.preview.set(null);
    });
  }

  protected async previewPdf(event: Event): Promise<void> {
    event.preventDefault();
    this.previewSubmitted.set(true);
    const tx = this.previewTx().trim();
    if (this.previewSource() === 'transaction' && !tx) {
      document.getElementById('preview-tx')?.focus();
      return;
    }
    await this.previewTask.run(async () => {
      this.preview.set(null);
      const result = await this.api.call(
        this.previewGql.mutate({
          variables: {
            practiceId: this.practiceId(),
            transactionId: this.previewSource() === 'transaction' ? tx : null,
            locale: this.i18n.lang(),
          },
        }),
      );
      this.preview.set(requireData(result, 'ConsolePreviewBranding').previewReceiptBranding);
    });
  }

  protected async publish(): Promise<void> {
    await this.publishTask.run(async () => {
      const result = await this.api.call(this.publishGql.mutate({ variables: { practiceId: this.practiceId() } }));
      this.apply(requireData(result, 'ConsolePublishBranding').publishReceiptBranding);
      this.confirmPublish.set(false);
      this.published.set(true);
    });
  }

  protected date(value: string | null | undefined): string {
    return formatConsoleDate(value, this.i18n.locale());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
