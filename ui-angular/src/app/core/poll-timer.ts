import { InjectionToken } from '@angular/core';

/**
 * Schedules a page's next look at the server (a pending refund, a payment being recorded): runs `poll` once after
 * `ms` and returns how to cancel it. The default uses `setTimeout`; tests provide their own so that a poll happens
 * only when the test says, never because the machine was slow.
 */
export type PollTimer = (poll: () => void, ms: number) => () => void;

/** The {@link PollTimer} pages schedule their polls with. */
export const POLL_TIMER = new InjectionToken<PollTimer>('POLL_TIMER', {
  providedIn: 'root',
  factory: () => (poll, ms) => {
    const timer = setTimeout(poll, ms);
    return () => {
      clearTimeout(timer);
    };
  },
});
