import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PracticeGQL, SignInGQL, type PracticeIdentityFragment } from '../core/graphql/generated';
import { errorCode, errorKey } from '../core/graphql/errors';
import { I18n } from '../core/i18n/i18n';
import { PageTitle } from '../core/i18n/page-title';
import type { MessageKey } from '../core/i18n/messages.en';
import { Session, type SessionNotice } from '../core/session/session';
import { SignInForm } from '../core/session/sign-in-form';
import { BillIllustration } from './bill-illustration';
import { NotFound } from './not-found';
import { PracticeIdentity } from './practice-identity';

type LoadState = 'loading' | 'ready' | 'notFound' | 'error';

/** `/p/:hash`: the practice's identity and the sign-in form (account number + head of household's last name). */
@Component({
  selector: 'app-landing',
  imports: [PracticeIdentity, BillIllustration, NotFound],
  templateUrl: './landing.page.html',
  styleUrl: './landing.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LandingPage implements OnInit {
  /** Route parameter: the practice hash printed on the bill. */
  readonly hash = input.required<string>();
  /** Query parameter from the bill's QR code: pre-fills the account number. */
  readonly account = input<string>();

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly title = inject(PageTitle);
  protected readonly errorKey = errorKey;
  protected readonly session = inject(Session);
  /** GraphQL services are resolved on first use, after the first paint (see the constructor). */
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);

  protected readonly state = signal<LoadState>('loading');
  protected readonly practice = signal<PracticeIdentityFragment | null>(null);
  protected readonly accountNumber = signal('');
  protected readonly lastName = signal('');
  /** Its notice is shown once: why the patient is back here (session ended, signed out). */
  protected readonly form = new SignInForm(this.session.notice());
  private readonly accountInput = viewChild<ElementRef<HTMLInputElement>>('accountInput');
  private readonly lastNameInput = viewChild<ElementRef<HTMLInputElement>>('lastNameInput');

  constructor() {
    // The heading and the form do not need the practice: paint them first, then ask for it. Building the GraphQL
    // client and preparing its first query takes a few hundred milliseconds on a slow phone; done during the first
    // render it held back the whole page.
    afterNextRender(() => setTimeout(() => void this.load()));
  }

  ngOnInit(): void {
    this.session.notice.set(null);
    // The bill's QR code first; else the account this tab signed in with before its session ended (memory only).
    this.accountNumber.set((this.account() ?? this.session.accountNumber() ?? '').trim().slice(0, 32));
    this.showTitle(null);
  }

  private showTitle(practiceName: string | null): void {
    const practice = practiceName ?? '';
    if (this.form.notice() === 'signedOut') {
      this.title.set(practice !== '' ? 'title.signedOut' : 'title.signedOutPlain', { practice });
    } else {
      this.title.set(practice !== '' ? 'title.landing' : 'title.landingPlain', { practice });
    }
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      const result = await firstValueFrom(this.injector.get(PracticeGQL).fetch({ variables: { hash: this.hash() } }));
      const practice = result.data?.practice ?? null;
      this.practice.set(practice);
      this.state.set(practice ? 'ready' : 'notFound');
      if (practice) {
        this.showTitle(practice.name);
      } else {
        this.title.set('title.notFound');
      }
    } catch (error) {
      this.state.set(errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT' ? 'notFound' : 'error');
    }
  }

  protected signIn(event: Event): Promise<void> {
    const accountNumber = this.accountNumber().trim();
    const lastName = this.lastName().trim();
    return this.form.submit(
      event,
      () => {
        if (!accountNumber || !lastName) {
          (accountNumber ? this.lastNameInput() : this.accountInput())?.nativeElement.focus();
          return true;
        }
        return false;
      },
      async () => {
        const result = await firstValueFrom(
          this.injector.get(SignInGQL).mutate({
            variables: { practiceHash: this.hash(), accountNumber, lastName, locale: this.i18n.lang() },
          }),
        );
        if (result.data?.signIn.ok === true) {
          this.session.started(accountNumber);
          // Back where the patient was when the session ended (or the page they opened), else the balance.
          await this.router.navigateByUrl(this.session.takeReturnUrl(this.hash()));
          return;
        }
        this.form.failed.set(true);
      },
    );
  }

  protected noticeKey(notice: SessionNotice): MessageKey {
    return `landing.notice.${notice}`;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
