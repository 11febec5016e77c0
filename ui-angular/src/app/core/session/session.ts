import { Injectable, Injector, inject, signal } from '@angular/core';
import { Location } from '@angular/common';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { SignOutGQL } from '../graphql/generated';

/**
 * Why the patient is on the landing page, shown there once: the session ended (server expiry, or the timeout
 * warning ran out), they signed out, or they opened a page that needs a session (`required.pay`, `required.receipt`).
 */
export type SessionNotice = 'ended' | 'timedOut' | 'signedOut' | 'required.pay' | 'required.receipt';

/** How a session ended without the patient signing out. */
export type EndReason = 'expired' | 'timedOut';

const SIGNED_IN_KEY = 'pp.signedIn';
/** Pages a patient is returned to after signing in again: `/p/<hash>/pay` and `/p/<hash>/receipt/…`. */
const RESUMABLE = /^\/p\/([^/?#]+)\/(pay|receipt\/[^?#]+)(\?[^#]*)?$/;

/**
 * Client side of the cookie session. The token itself is an HttpOnly cookie the SPA never sees; this remembers (per
 * tab) that the patient signed in, so that a later `UNAUTHENTICATED` — the server's idle expiry — can send them to
 * their practice's landing page with the reason, and — in memory only, never in storage — where they were and the
 * account number they signed in with, so signing in again on the same tab takes them back there.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  /**
   * The GraphQL client is resolved only when signing out or forgetting the session: the shell creates this service
   * at start-up, and building Apollo there would delay the first paint of every page.
   */
  private readonly injector = inject(Injector);
  /** Things other features keep for a re-sign-in (the pay page's amount): cleared on sign-out or another account. */
  private readonly memories: (() => void)[] = [];

  /** True between a successful sign-in and sign-out or expiry (survives a reload of the tab). */
  readonly signedIn = signal(readFlag());
  /** A message for the landing page; consumed when shown. */
  readonly notice = signal<SessionNotice | null>(null);
  /** The account number of the last sign-in on this tab (memory only): pre-fills the form after an expiry. */
  readonly accountNumber = signal<string | null>(null);
  /** The page to return to after the next sign-in (memory only). */
  private returnUrl: string | null = null;

  /** Registers state to forget on sign-out, or when another account signs in on this tab. */
  remember(forget: () => void): void {
    this.memories.push(forget);
  }

  /** A successful sign-in with `accountNumber`: another account than the last one starts with nothing remembered. */
  started(accountNumber?: string): void {
    if (accountNumber !== undefined) {
      if (this.accountNumber() !== null && this.accountNumber() !== accountNumber) {
        this.forgetMemories();
        this.returnUrl = null;
      }
      this.accountNumber.set(accountNumber);
    }
    this.notice.set(null);
    this.signedIn.set(true);
    writeFlag(true);
  }

  /**
   * The session is gone (the server's idle expiry, the timeout warning ran out, or a page that needs a session was
   * opened without one): back to the practice's landing page, remembering the page to return to after sign-in.
   */
  ended(reason: EndReason = 'expired'): void {
    const hadSession = this.signedIn();
    const url = this.currentUrl();
    const resumable = RESUMABLE.exec(url);
    this.forget();
    this.returnUrl = resumable ? url : null;
    if (hadSession) {
      this.notice.set(reason === 'timedOut' ? 'timedOut' : 'ended');
    } else if (resumable) {
      this.notice.set(resumable[2] === 'pay' ? 'required.pay' : 'required.receipt');
    }
    void this.router.navigateByUrl(this.landingUrl(url));
  }

  /** Where to go after signing in to practice `hash`: the remembered page of that practice, once, else the balance. */
  takeReturnUrl(hash: string): string {
    const url = this.returnUrl;
    this.returnUrl = null;
    const match = url !== null ? RESUMABLE.exec(url) : null;
    return url !== null && match?.[1]?.toUpperCase() === hash.toUpperCase() ? url : `/p/${hash}/pay`;
  }

  /** Sign out on the server (clears the cookie) and return to the landing page, whatever the server answered. */
  async signOut(): Promise<void> {
    const url = this.currentUrl();
    try {
      await firstValueFrom(this.injector.get(SignOutGQL).mutate());
    } catch {
      // The cookie may already be gone; signing out locally is still right.
    }
    this.forget();
    // Signing out on purpose (perhaps on a shared phone) leaves nothing behind.
    this.forgetMemories();
    this.accountNumber.set(null);
    this.returnUrl = null;
    this.notice.set('signedOut');
    await this.router.navigateByUrl(this.landingUrl(url));
  }

  private forget(): void {
    this.signedIn.set(false);
    writeFlag(false);
    void this.injector.get(Apollo).client.clearStore();
  }

  private forgetMemories(): void {
    for (const forget of this.memories) {
      forget();
    }
  }

  private currentUrl(): string {
    // Until the first navigation ends (an answer to the request sent at start-up), the router's URL is still "/".
    return this.router.navigated ? this.router.url : this.location.path();
  }

  /** `/p/<hash>` of the page the patient is on; the hash is the only practice identity the SPA needs. */
  private landingUrl(url: string): string {
    const hash = /^\/p\/([^/?#]+)/.exec(url)?.[1];
    return hash !== undefined ? `/p/${hash}` : '/';
  }
}

function readFlag(): boolean {
  try {
    return sessionStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeFlag(on: boolean): void {
  try {
    if (on) {
      sessionStorage.setItem(SIGNED_IN_KEY, '1');
    } else {
      sessionStorage.removeItem(SIGNED_IN_KEY);
    }
  } catch {
    // Storage can be disabled (private mode): the session still works, only the "ended" notice is lost on reload.
  }
}
