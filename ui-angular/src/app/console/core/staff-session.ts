import { DestroyRef, Injectable, Injector, computed, inject, signal } from '@angular/core';
import { Location } from '@angular/common';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { errorCode, type CallFailure } from '../../core/graphql/errors';
import { staySignedIn } from '../../core/session/stay-signed-in';
import type { StaffRole } from '../../core/graphql/schema-types';
import {
  ConsoleMeGQL,
  StaffSignOutGQL,
  type ConsolePracticeSummaryFragment,
  type StaffIdentityFragment,
} from '../graphql/generated';

/** Why the staff member is on the sign-in page: the session ended (server or idle warning), or they signed out. */
export type StaffNotice = 'ended' | 'timedOut' | 'signedOut';

/** The server's staff session idle timeout (15 minutes, renewed by every console request). */
export const STAFF_IDLE_MS = 15 * 60_000;
/** The server renews the cookie at most this often (a sixtieth of the idle timeout): the estimate errs this early. */
const RENEWAL_STEP_MS = STAFF_IDLE_MS / 60;
/** The warning opens this long before the estimated end (WCAG 2.2.1 asks for at least 20 s). */
export const STAFF_WARN_BEFORE_MS = 75_000;

export const SIGN_IN_URL = '/console/sign-in';

/** A failed console call: the contract's error code (or `NETWORK`). */
export class ConsoleCallError extends Error {
  constructor(readonly code: CallFailure) {
    super(code);
  }
}

/**
 * The staff session as the console knows it. The session itself is the server's HttpOnly cookie (its own, apart from
 * a patient's on the same browser); this holds who is signed in (`console { me practices }`), estimates the idle end
 * from the console's own requests (15 minutes after the last one) to warn before it, and sends the staff member to
 * the sign-in page — with the page to come back to, in memory only — when the server answers `UNAUTHENTICATED`.
 */
@Injectable({ providedIn: 'root' })
export class StaffSession {
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly injector = inject(Injector);
  private interval: ReturnType<typeof setInterval> | null = null;
  private returnUrl: string | null = null;
  private readonly now = signal(Date.now());

  /** The signed-in staff member; null before loading or when signed out. */
  readonly me = signal<StaffIdentityFragment | null>(null);
  /** The practices this staff member may see (SUPPORT: all of them). */
  readonly practices = signal<ConsolePracticeSummaryFragment[]>([]);
  /** Shown once on the sign-in page. */
  readonly notice = signal<StaffNotice | null>(null);
  /** When the session ends if idle (this device's clock, ms). */
  readonly idleEnd = signal<number | null>(null);
  /** True while the idle warning is open. */
  readonly warning = signal(false);
  readonly extending = signal(false);
  readonly extendFailed = signal(false);
  /** Whole seconds left, for the warning. */
  readonly secondsLeft = computed(() => {
    const end = this.idleEnd();
    return end === null ? null : Math.max(0, Math.ceil((end - this.now()) / 1000));
  });
  /** The vendor's support: read-only, every access audited, operations views. */
  readonly isSupport = computed(() => this.practices().some((p) => p.role === 'SUPPORT'));

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stopTicking();
    });
  }

  /** The practice with `id` among those this staff member may see, or null. */
  practice(id: string | null | undefined): ConsolePracticeSummaryFragment | null {
    return this.practices().find((p) => p.id === id) ?? null;
  }

  /** The role for practice `id` (null when it is not one of theirs). */
  role(id: string | null | undefined): StaffRole | null {
    return this.practice(id)?.role ?? null;
  }

  /** PRACTICE_ADMIN and BILLING may refund; SUPPORT is read-only. */
  canRefund(id: string | null | undefined): boolean {
    const role = this.role(id);
    return role === 'PRACTICE_ADMIN' || role === 'BILLING';
  }

  /** Asks the server who is signed in. False (and nothing kept) without a staff session. */
  async load(): Promise<boolean> {
    const sentAt = Date.now();
    const result = await firstValueFrom(this.injector.get(ConsoleMeGQL).fetch({ fetchPolicy: 'no-cache' }));
    const console = result.data?.console ?? null;
    if (!console) {
      this.clear();
      return false;
    }
    this.me.set(console.me);
    this.practices.set(console.practices);
    this.touched(sentAt);
    this.startTicking();
    return true;
  }

  /** A successful `staffSignIn`: load who it is, then go where the staff member was going (or the console's start). */
  async started(): Promise<void> {
    this.notice.set(null);
    const url = this.returnUrl;
    this.returnUrl = null;
    if (await this.load()) {
      await this.router.navigateByUrl(url ?? '/console');
    }
  }

  /** Remembers `url` (a console page) to return to after the next sign-in. */
  rememberReturn(url: string): void {
    this.returnUrl = url.startsWith('/console') && !url.startsWith(SIGN_IN_URL) ? url : null;
  }

  /**
   * A console request was answered at `sentAt` (this device's clock): the server renewed the idle timeout then.
   * The estimate errs early by the renewal step.
   */
  touched(sentAt: number): void {
    if (this.me() === null) {
      return;
    }
    const end = sentAt + STAFF_IDLE_MS - RENEWAL_STEP_MS;
    if (end > (this.idleEnd() ?? 0)) {
      this.idleEnd.set(end);
    }
  }

  /** The server said the staff session is gone (or the warning ran out): to the sign-in page, then back here. */
  ended(reason: 'ended' | 'timedOut' = 'ended'): void {
    const hadSession = this.me() !== null;
    this.rememberReturn(this.router.navigated ? this.router.url : this.location.path());
    this.clear();
    this.notice.set(hadSession ? reason : null);
    void this.router.navigateByUrl(SIGN_IN_URL);
  }

  /** Signs out on the server (clears the staff cookie) and locally, whatever the server answered. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.injector.get(StaffSignOutGQL).mutate());
    } catch {
      // The cookie may already be gone; signing out locally is still right.
    }
    this.clear();
    this.returnUrl = null;
    this.notice.set('signedOut');
    await this.router.navigateByUrl(SIGN_IN_URL);
  }

  /** "Stay signed in": one cheap console request renews the session on the server. */
  async stay(): Promise<void> {
    await staySignedIn(
      this,
      () => this.load(),
      () => {
        this.ended('timedOut');
      },
      (error) => errorCode(error) === 'UNAUTHENTICATED',
    );
  }

  /** Compares the estimated idle end with the clock: opens the warning, or ends the session. */
  check(): void {
    const now = Date.now();
    this.now.set(now);
    const end = this.idleEnd();
    if (end === null || this.me() === null) {
      return;
    }
    if (now >= end) {
      this.ended('timedOut');
    } else if (now >= end - STAFF_WARN_BEFORE_MS) {
      this.warning.set(true);
    } else if (this.warning()) {
      this.warning.set(false);
    }
  }

  private clear(): void {
    this.stopTicking();
    this.me.set(null);
    this.practices.set([]);
    this.idleEnd.set(null);
    this.warning.set(false);
    this.extendFailed.set(false);
  }

  private startTicking(): void {
    this.interval ??= setInterval(() => {
      this.check();
    }, 1000);
  }

  private stopTicking(): void {
    if (this.interval !== null) {
      clearInterval(this.interval);
      this.interval = null;
    }
  }
}
