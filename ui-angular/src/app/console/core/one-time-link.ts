import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { ConsoleI18n } from './console-i18n';
import { formatConsoleDate } from './console-date';

/**
 * A one-time download link the server just made (`ReceiptDownload`: a receipt PDF, a CSV, a ZIP), shown as a link
 * that opens in a new tab, with its expiry. Focus moves to it when it appears, so a keyboard user presses Enter next.
 */
@Component({
  selector: 'app-one-time-link',
  template: `
    <p class="one-time-link" role="status">
      <a #link [href]="url()" target="_blank" rel="noopener" [attr.data-testid]="testId()">{{ label() }}</a>
      <span class="muted small">{{ t('link.expires', { time: expires() }) }}</span>
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OneTimeLink {
  readonly url = input.required<string>();
  readonly expiresAt = input.required<string>();
  readonly label = input.required<string>();
  readonly testId = input<string>('one-time-link');
  private readonly i18n = inject(ConsoleI18n);
  protected readonly t = this.i18n.t;
  private readonly link = viewChild.required<ElementRef<HTMLAnchorElement>>('link');

  constructor() {
    afterNextRender(() => {
      this.link().nativeElement.focus();
    });
  }

  protected expires(): string {
    return formatConsoleDate(this.expiresAt(), this.i18n.locale());
  }
}
