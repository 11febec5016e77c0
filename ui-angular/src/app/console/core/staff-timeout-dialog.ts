import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { bindModal } from './modal';
import { ConsoleI18n } from './console-i18n';
import { StaffSession } from './staff-session';

/**
 * The staff session's idle warning (WCAG 2.2.1), like the patient's: opens 75 s before the estimated end of the
 * 15-minute idle timeout; "Stay signed in" (or Escape) renews it with one request, "Sign out" ends it.
 */
@Component({
  selector: 'app-staff-timeout-dialog',
  template: `
    <dialog
      #dialog
      class="console-dialog"
      aria-modal="true"
      role="alertdialog"
      aria-labelledby="staff-timeout-title"
      aria-describedby="staff-timeout-body"
      data-testid="staff-timeout"
      (cancel)="$event.preventDefault(); session.stay()"
    >
      <h2 id="staff-timeout-title">{{ t('timeout.title') }}</h2>
      <p id="staff-timeout-body">{{ t('timeout.body', { n: session.secondsLeft() ?? 0 }) }}</p>
      @if (session.extendFailed()) {
        <p class="alert alert--error" role="alert">{{ t('timeout.failed') }}</p>
      }
      <div class="console-actions">
        <button type="button" class="btn" [attr.aria-disabled]="session.extending()" (click)="session.stay()">
          {{ t('timeout.stay') }}
        </button>
        <button type="button" class="btn btn--ghost" (click)="session.signOut()">{{ t('shell.signOut') }}</button>
      </div>
    </dialog>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffTimeoutDialog {
  protected readonly t = inject(ConsoleI18n).t;
  protected readonly session = inject(StaffSession);

  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    bindModal(this.dialog, () => this.session.warning());
  }
}
