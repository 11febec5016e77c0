import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { errorCode, requireData, type CallFailure } from '../../core/graphql/errors';
import { ConsoleI18n, ConsoleTitle } from '../core/console-i18n';
import { StaffSession, type StaffNotice } from '../core/staff-session';
import type { ConsoleKey } from '../core/messages.en';
import { StaffSignInGQL } from '../graphql/generated';

type Step = 'password' | 'otp';

/** A plausible email: something@something.something, no spaces (the server decides whether it is an account). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `/console/sign-in`: email and password, then — for roles that can refund — the authenticator app's 6-digit code.
 * Every failure shows the same message (the server answers the same for every cause). The password is kept in memory
 * only for the code step and forgotten when signing in succeeds or the staff member goes back.
 */
@Component({
  selector: 'app-staff-sign-in',
  templateUrl: './staff-sign-in.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .sign-in {
      max-width: 28rem;
      margin: 0 auto;
      padding: 1rem 1rem 3rem;
    }
  `,
})
export class StaffSignInPage {
  protected readonly i18n = inject(ConsoleI18n);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(StaffSession);
  private readonly signInGql = inject(StaffSignInGQL);

  protected readonly step = signal<Step>('password');
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly otp = signal('');
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  protected readonly callError = signal<CallFailure | null>(null);
  protected readonly notice = signal(this.session.notice());
  private readonly otpInput = viewChild<ElementRef<HTMLInputElement>>('otpInput');

  constructor() {
    this.session.notice.set(null);
    inject(ConsoleTitle).set('title.signIn');
  }

  protected emailError(): ConsoleKey | null {
    const email = this.email().trim();
    return !email ? 'signIn.required.email' : EMAIL.test(email) ? null : 'signIn.invalid.email';
  }

  protected otpError(): ConsoleKey | null {
    const code = this.otpDigits();
    return !code ? 'signIn.required.otp' : /^\d{6}$/.test(code) ? null : 'signIn.invalid.otp';
  }

  private otpDigits(): string {
    return this.otp().replace(/[\s-]/g, '');
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.submitted.set(true);
    this.failed.set(false);
    this.callError.set(null);
    if (this.busy()) {
      return;
    }
    const firstInvalid =
      this.step() === 'password'
        ? this.emailError()
          ? '#staff-email'
          : !this.password()
            ? '#staff-password'
            : null
        : this.otpError()
          ? '#staff-otp'
          : null;
    if (firstInvalid) {
      document.querySelector<HTMLElement>(firstInvalid)?.focus();
      return;
    }
    this.busy.set(true);
    this.notice.set(null);
    try {
      const result = await firstValueFrom(
        this.signInGql.mutate({
          variables: {
            email: this.email().trim(),
            password: this.password(),
            otp: this.step() === 'otp' ? this.otpDigits() : null,
          },
        }),
      );
      const answer = requireData(result, 'StaffSignIn').staffSignIn;
      if (answer.ok) {
        this.password.set('');
        this.otp.set('');
        await this.session.started();
      } else if (answer.otpRequired && this.step() === 'password') {
        this.step.set('otp');
        this.submitted.set(false);
        afterNextRender(() => this.otpInput()?.nativeElement.focus(), { injector: this.injector });
      } else {
        this.failed.set(true);
        this.otp.set('');
      }
    } catch (error) {
      this.callError.set(errorCode(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Back to email and password (another account, or a mistyped password); the password is forgotten. */
  protected restart(): void {
    this.step.set('password');
    this.password.set('');
    this.otp.set('');
    this.failed.set(false);
    this.submitted.set(false);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected noticeKey(notice: StaffNotice): ConsoleKey {
    return `signIn.notice.${notice}`;
  }

  private readonly injector = inject(Injector);
}
