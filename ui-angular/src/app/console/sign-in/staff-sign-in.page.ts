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
import { requireData } from '../../core/graphql/errors';
import { SignInForm } from '../../core/session/sign-in-form';
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
  protected readonly form = new SignInForm(this.session.notice());
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

  protected submit(event: Event): Promise<void> {
    return this.form.submit(
      event,
      () => {
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
        }
        return firstInvalid !== null;
      },
      async () => {
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
          this.form.submitted.set(false);
          afterNextRender(() => this.otpInput()?.nativeElement.focus(), { injector: this.injector });
        } else {
          this.form.failed.set(true);
          this.otp.set('');
        }
      },
    );
  }

  /** Back to email and password (another account, or a mistyped password); the password is forgotten. */
  protected restart(): void {
    this.step.set('password');
    this.password.set('');
    this.otp.set('');
    this.form.failed.set(false);
    this.form.submitted.set(false);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected noticeKey(notice: StaffNotice): ConsoleKey {
    return `signIn.notice.${notice}`;
  }

  private readonly injector = inject(Injector);
}
