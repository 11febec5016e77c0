import type { Provider } from '@angular/core';
import { POLL_TIMER, type PollTimer } from '../app/core/poll-timer';

/**
 * A {@link PollTimer} whose polls wait for the test: a page's scheduled poll runs only on `fire()`, however long the
 * test takes, so "pending before the poll, done after it" holds on a loaded machine too. Give `provider` to
 * `startApp`.
 */
export class ManualPollTimer {
  private queue: { poll: () => void; ms: number }[] = [];

  /** For `startApp`'s `providers`. */
  readonly provider: Provider = {
    provide: POLL_TIMER,
    useValue: ((poll, ms) => {
      const entry = { poll, ms };
      this.queue.push(entry);
      return () => {
        this.queue = this.queue.filter((e) => e !== entry);
      };
    }) satisfies PollTimer,
  };

  /** The delays (ms) of the polls scheduled and not yet run or cancelled, oldest first. */
  scheduled(): number[] {
    return this.queue.map((e) => e.ms);
  }

  /** Runs the polls scheduled so far (not those they schedule in turn); fails the test when there is none. */
  fire(): void {
    const due = this.queue;
    if (due.length === 0) {
      throw new Error('No poll is scheduled');
    }
    this.queue = [];
    for (const e of due) {
      e.poll();
    }
  }
}
