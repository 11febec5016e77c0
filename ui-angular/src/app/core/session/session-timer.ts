import { DestroyRef, Injectable, Injector, computed, effect, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { isStaffOperation } from '../graphql/errors';
import { SessionInfoGQL } from '../graphql/generated';
import { Session } from './session';
import { staySignedIn } from './stay-signed-in';

/** The warning opens this long before the session's estimated end (WCAG 2.2.1 asks for at least 20 s; we give 60+). */
export const WARN_BEFORE_MS = 75_000;
/** How often the deadlines are checked (timers are throttled in background tabs; each check reads the clock). */
const TICK_MS = 1000;
/** Operations that do not renew the session (sign-in and sign-out set it; the expiry query reports it). */
const NOT_RENEWING = new Set(['SignIn', 'SignOut', 'SessionInfo']);

/**
 * The session's expiry as this tab can know it, and the timeout warning. The server renews the idle timeout on every
 * request (re-issuing the cookie at most every sixtieth of the timeout, ≤ 10 s) and ends the session at an absolute
 * limit; the times come from `query { session }` (asked when a session starts, and by "Stay signed in") and every
 * GraphQL answer moves the idle end forward (`SessionActivity`). Server instants are mapped to this device's clock
 * through the answers' `Date` header, so a phone whose clock is off still warns in time. Estimates err early.
 */
@Injectable({ providedIn: 'root' })
export class SessionTimer {
  private readonly session = inject(Session);
  private readonly injector = inject(Injector);
  /** Server clock minus this device's clock, in ms, from the last answer's `Date` header. */
  private skewMs = 0;
  private idleMs: number | null = null;
  private readonly idleEnd = signal<number | null>(null);
  private readonly absoluteEnd = signal<number | null>(null);
  private readonly now = signal(Date.now());
  private interval: ReturnType<typeof setInterval> | null = null;

  /** True while the warning dialog is open. */
  readonly warning = signal(false);
  /** "Stay signed in" is on its way to the server. */
  readonly extending = signal(false);
  /** "Stay signed in" could not reach the server. */
  readonly extendFailed = signal(false);
  /** When the session ends (this device's clock, ms), the earlier of the idle and absolute ends. */
  readonly endsAt = computed(() => {
    const idle = this.idleEnd();
    const absolute = this.absoluteEnd();
    return idle === null ? null : absolute === null ? idle : Math.min(idle, absolute);
  });
  /** Whole seconds left, for the dialog. */
  readonly secondsLeft = computed(() => {
    const end = this.endsAt();
    return end === null ? null : Math.max(0, Math.ceil((end - this.now()) / 1000));
  });
  /** True when the absolute limit comes before the idle end: "Stay signed in" cannot help. */
  readonly atLimit = computed(() => {
    const absolute = this.absoluteEnd();
    return absolute !== null && this.idleMs !== null && absolute <= (this.idleEnd() ?? 0) + 1000;
  });
  /** The absolute limit in whole minutes (for the dialog's explanation). */
  readonly limitMinutes = signal(60);

  constructor() {
    effect(() => {
      if (this.session.signedIn()) {
        this.startTicking();
      } else {
        this.reset();
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.reset();
    });
  }

  /**
   * An answer from `/graphql` (called by `SessionActivity` for every one): updates the clock skew, and while signed
   * in moves the idle end to what the server's renewal guarantees (the request's time plus the timeout less the
   * renewal step).
   */
  observed(operationName: string | null, sentAt: number, receivedAt: number, dateHeader: string | null): void {
    const serverNow = dateHeader !== null ? Date.parse(dateHeader) : NaN;
    if (!Number.isNaN(serverNow)) {
      // `Date` has whole seconds: the server's clock was somewhere in [date, date + 1 s) while answering.
      this.skewMs = serverNow + 500 - (sentAt + receivedAt) / 2;
    }
    if (
      !this.session.signedIn() ||
      this.idleMs === null ||
      NOT_RENEWING.has(operationName ?? '') ||
      isStaffOperation(operationName)
    ) {
      return;
    }
    const step = Math.min(this.idleMs / 60, 10_000);
    const renewed = sentAt + this.idleMs - step;
    const absolute = this.absoluteEnd();
    const idle = absolute === null ? renewed : Math.min(renewed, absolute);
    if (idle > (this.idleEnd() ?? 0)) {
      this.idleEnd.set(idle);
    }
  }

  /** Applies the server's answer to `session` (asked at `sentAt`, answered at `receivedAt`, this device's clock). */
  applyTimes(times: { idleExpiresAt: string; absoluteExpiresAt: string }, sentAt: number, receivedAt: number): void {
    const idle = Date.parse(times.idleExpiresAt) - this.skewMs;
    const absolute = Date.parse(times.absoluteExpiresAt) - this.skewMs;
    if (Number.isNaN(idle) || Number.isNaN(absolute)) {
      return;
    }
    // The server set the idle end at its "now" plus the timeout; its "now" was after `sentAt`: err short.
    this.idleMs = Math.max(60_000, idle - receivedAt);
    this.idleEnd.set(idle - (receivedAt - sentAt));
    this.absoluteEnd.set(absolute);
  }

  /** Asks the server for the session's times (and so renews it). Null: no session any more. */
  async refresh(): Promise<boolean> {
    const sentAt = Date.now();
    const result = await firstValueFrom(this.injector.get(SessionInfoGQL).fetch({ fetchPolicy: 'no-cache' }));
    const times = result.data?.session ?? null;
    if (!times) {
      return false;
    }
    this.applyTimes(times, sentAt, Date.now());
    return true;
  }

  /** "Stay signed in": renew on the server, close the warning; a failure keeps it open with a message. */
  async stay(): Promise<void> {
    await staySignedIn(
      this,
      () => this.refresh(),
      () => {
        this.expire();
      },
    );
  }

  /** Closes the warning without renewing (the absolute limit: nothing to extend). */
  dismiss(): void {
    this.warning.set(false);
  }

  /** Checks the deadlines against the clock: opens the warning, or ends the session. */
  check(): void {
    const now = Date.now();
    this.now.set(now);
    const end = this.endsAt();
    if (end === null || !this.session.signedIn()) {
      return;
    }
    if (now >= end) {
      this.expire();
    } else if (now >= end - WARN_BEFORE_MS && !this.warning() && !this.dismissedAt(end)) {
      this.extendFailed.set(false);
      this.warning.set(true);
    } else if (now < end - WARN_BEFORE_MS && this.warning()) {
      this.warning.set(false); // activity elsewhere on the page moved the end
    }
  }

  private dismissedFor: number | null = null;

  private dismissedAt(end: number): boolean {
    return this.atLimit() && this.dismissedFor === end;
  }

  private expire(): void {
    this.reset();
    this.session.ended('timedOut');
  }

  private startTicking(): void {
    if (this.interval !== null) {
      return;
    }
    this.interval = setInterval(() => {
      this.check();
    }, TICK_MS);
    // The times of a session this tab did not just see (a reload, or a fresh sign-in).
    void this.refresh().catch(() => undefined);
  }

  private reset(): void {
    if (this.interval !== null) {
      clearInterval(this.interval);
      this.interval = null;
    }
    this.idleMs = null;
    this.idleEnd.set(null);
    this.absoluteEnd.set(null);
    this.warning.set(false);
    this.extendFailed.set(false);
  }

  /** Remembers that the limit warning was acknowledged, so it does not reopen every second. */
  acknowledgeLimit(): void {
    this.dismissedFor = this.endsAt();
    this.dismiss();
  }
}
