import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, viewChild } from '@angular/core';
import { I18n } from '../i18n/i18n';
import { Session } from './session';
import { SessionTimer } from './session-timer';

/**
 * The session timeout warning (WCAG 2.2.1 Timing Adjustable): a modal `<dialog>` (focus moves into it and stays
 * there, Escape means "Stay signed in") opened at least 60 s before the session ends. "Stay signed in" renews the
 * session with one cheap request; at the absolute limit it explains that signing in again is needed, and what the
 * patient entered is kept in memory for that.
 */
@Component({
  selector: 'app-timeout-dialog',
  template: `
    <dialog
      #dialog
      class="timeout-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="timeout-title"
      aria-describedby="timeout-body"
      data-testid="timeout-dialog"
      (cancel)="onEscape($event)"
    >
      <h2 id="timeout-title">{{ t('timeout.title') }}</h2>
      <p id="timeout-body">
        @if (timer.atLimit()) {
          {{ t('timeout.bodyLimit', { minutes: timer.limitMinutes(), time: time() }) }}
        } @else {
          {{ t('timeout.body', { time: time() }) }}
        }
      </p>
      @if (timer.extendFailed()) {
        <p class="alert alert--error" role="alert">{{ t('timeout.failed') }}</p>
      }
      <div class="timeout-dialog__actions">
        @if (timer.atLimit()) {
          <button #primary type="button" class="btn" (click)="timer.acknowledgeLimit()">{{ t('timeout.ok') }}</button>
        } @else {
          <button
            #primary
            type="button"
            class="btn"
            data-testid="stay-signed-in"
            [attr.aria-disabled]="timer.extending()"
            (click)="timer.stay()"
          >
            @if (timer.extending()) {
              <span class="spinner" aria-hidden="true"></span>
            }
            {{ t('timeout.stay') }}
          </button>
        }
        <button type="button" class="btn btn--ghost" (click)="signOut()">{{ t('timeout.signOut') }}</button>
      </div>
    </dialog>
  `,
  styles: `
    .timeout-dialog {
      max-width: min(28rem, calc(100vw - 2rem));
      border: 0;
      border-radius: var(--radius, 8px);
      padding: 1.25rem;
      box-shadow: 0 10px 40px rgb(0 0 0 / 30%);
    }
    .timeout-dialog::backdrop {
      background: rgb(15 23 42 / 55%);
    }
    .timeout-dialog h2 {
      margin-top: 0;
    }
    .timeout-dialog__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeoutDialog {
  protected readonly t = inject(I18n).t;
  protected readonly timer = inject(SessionTimer);
  private readonly session = inject(Session);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly primary = viewChild<ElementRef<HTMLButtonElement>>('primary');
  private returnFocus: HTMLElement | null = null;

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.timer.warning() && !dialog.open) {
        this.returnFocus = document.activeElement as HTMLElement | null;
        if (typeof dialog.showModal === 'function') {
          dialog.showModal();
        } else {
          dialog.setAttribute('open', '');
        }
        this.primary()?.nativeElement.focus();
      } else if (!this.timer.warning() && dialog.open) {
        if (typeof dialog.close === 'function') {
          dialog.close();
        } else {
          dialog.removeAttribute('open');
        }
        if (this.returnFocus?.isConnected === true) {
          this.returnFocus.focus();
        }
        this.returnFocus = null;
      }
    });
  }

  protected time(): string {
    return this.t('timeout.seconds', { n: this.timer.secondsLeft() ?? 0 });
  }

  /** Escape: the safe choice, as if "Stay signed in" (or OK at the limit) was pressed. */
  protected onEscape(event: Event): void {
    event.preventDefault();
    if (this.timer.atLimit()) {
      this.timer.acknowledgeLimit();
    } else {
      void this.timer.stay();
    }
  }

  protected signOut(): void {
    this.timer.dismiss();
    void this.session.signOut();
  }
}
