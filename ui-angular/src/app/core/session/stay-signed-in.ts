import type { WritableSignal } from '@angular/core';
import { whileBusy } from '../while-busy';

/** The signals of a session-timeout warning that "Stay signed in" drives (the patient's and the staff's). */
export interface StayState {
  /** True while the warning is open. */
  readonly warning: WritableSignal<boolean>;
  /** A renewal is on its way to the server. */
  readonly extending: WritableSignal<boolean>;
  /** The last renewal could not reach the server. */
  readonly extendFailed: WritableSignal<boolean>;
}

/**
 * "Stay signed in", one renewal at a time (a second press while one is on its way does nothing). `renew` asks the
 * server and answers whether the session is still there: yes closes the warning, no calls `end`. An error thrown by
 * `renew` keeps the warning open with `extendFailed` set, unless `endedBy(error)` says it means the session is gone
 * (then `end`).
 */
export async function staySignedIn(
  state: StayState,
  renew: () => Promise<boolean>,
  end: () => void,
  endedBy: (error: unknown) => boolean = () => false,
): Promise<void> {
  await whileBusy(state.extending, async () => {
    state.extendFailed.set(false);
    try {
      if (await renew()) {
        state.warning.set(false);
      } else {
        end();
      }
    } catch (error) {
      if (endedBy(error)) {
        end();
      } else {
        state.extendFailed.set(true);
      }
    }
  });
}
