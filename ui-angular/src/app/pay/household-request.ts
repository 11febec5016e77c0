import { Injectable, inject } from '@angular/core';
import { NavigationCancel, NavigationEnd, NavigationError, NavigationSkipped, Router } from '@angular/router';
import { filter, firstValueFrom, take } from 'rxjs';
import { HouseholdGQL } from '../core/graphql/generated';

type HouseholdResult = Awaited<ReturnType<HouseholdRequest['send']>>;

/** The pay page's own URL, `/p/:hash/pay`. */
const PAY_PATH = /^\/p\/[^/]+\/pay\/?$/;

/**
 * The household query of the pay page. When the app starts on the pay page (a reload, a new tab, the way back from
 * a receipt link), the request is sent from an app initializer, so the server answers while the app boots instead of
 * after: on a slow phone booting takes longer than the server. The early answer serves only the first navigation —
 * a pay page created later asks again.
 */
@Injectable({ providedIn: 'root' })
export class HouseholdRequest {
  private readonly gql = inject(HouseholdGQL);
  private readonly router = inject(Router);
  private early: Promise<HouseholdResult> | null = null;

  /** At start-up: sends the request now if the app opens on the pay page. */
  startEarly(path: string): void {
    if (!PAY_PATH.test(path)) {
      return;
    }
    const early = this.send();
    early.catch(() => undefined); // Whoever takes it handles the failure; untaken, it needs no handling.
    this.early = early;
    // The pay page takes it while the first navigation activates it; whatever is left after that is stale.
    this.router.events
      .pipe(
        filter(
          (e) =>
            e instanceof NavigationEnd ||
            e instanceof NavigationCancel ||
            e instanceof NavigationError ||
            e instanceof NavigationSkipped,
        ),
        take(1),
      )
      .subscribe(() => (this.early = null));
  }

  /** The request sent at start-up, if it is still waiting to be taken (once). */
  takeEarly(): Promise<HouseholdResult> | null {
    const early = this.early;
    this.early = null;
    return early;
  }

  /** A new household request. */
  fetch(): Promise<HouseholdResult> {
    return this.send();
  }

  private send() {
    return firstValueFrom(this.gql.fetch());
  }
}
