import { Injectable, Injector, inject, signal } from '@angular/core';
import { Location } from '@angular/common';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { SignOutGQL } from '../graphql/generated';

/** Why the patient is back on the landing page, shown there once. */
export type SessionNotice = 'ended' | 'signedOut';

const SIGNED_IN_KEY = 'pp.signedIn';

/**
 * Client side of the cookie session. The token itself is an HttpOnly cookie the SPA never sees; this only remembers
 * (per tab) that the patient signed in, so that a later `UNAUTHENTICATED` — the server's 10-minute idle expiry —
 * can send them to their practice's landing page with "your session ended for your security".
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

  /** True between a successful sign-in and sign-out or expiry (survives a reload of the tab). */
  readonly signedIn = signal(readFlag());
  /** A message for the landing page; consumed when shown. */
  readonly notice = signal<SessionNotice | null>(null);

  started(): void {
    this.notice.set(null);
    this.signedIn.set(true);
    writeFlag(true);
  }

  /** The server said the session is gone (idle expiry or never signed in): back to the practice's landing page. */
  ended(): void {
    const hadSession = this.signedIn();
    this.forget();
    if (hadSession) {
      this.notice.set('ended');
    }
    void this.router.navigateByUrl(this.landingUrl());
  }

  /** Sign out on the server (clears the cookie) and return to the landing page, whatever the server answered. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.injector.get(SignOutGQL).mutate());
    } catch {
      // The cookie may already be gone; signing out locally is still right.
    }
    this.forget();
    this.notice.set('signedOut');
    await this.router.navigateByUrl(this.landingUrl());
  }

  private forget(): void {
    this.signedIn.set(false);
    writeFlag(false);
    void this.injector.get(Apollo).client.clearStore();
  }

  /** `/p/<hash>` of the page the patient is on; the hash is the only practice identity the SPA needs. */
  private landingUrl(): string {
    // Until the first navigation ends (an answer to the request sent at start-up), the router's URL is still "/".
    const url = this.router.navigated ? this.router.url : this.location.path();
    const match = /^\/p\/([^/?#]+)/.exec(url);
    return match ? `/p/${match[1]}` : '/';
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
