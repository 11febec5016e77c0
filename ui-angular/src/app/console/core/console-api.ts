import { Injectable, inject, signal } from '@angular/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Observable, firstValueFrom } from 'rxjs';
import { errorCode, type CallFailure } from '../../core/graphql/errors';
import { whileBusy } from '../../core/while-busy';
import { ConsoleCallError, StaffSession } from './staff-session';

/**
 * How console pages call the API: one request, its answer or a `ConsoleCallError` with the contract's code. Every
 * answer renews the staff idle estimate; `UNAUTHENTICATED` (the staff session is gone) sends the staff member to the
 * sign-in page and comes back to this page after it. A `console: null` answer means the same.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleApi {
  private readonly session = inject(StaffSession);

  async call<T>(request: Observable<T>): Promise<T> {
    const sentAt = Date.now();
    try {
      const result = await firstValueFrom(request);
      const data = (result as { data?: Record<string, unknown> | null }).data;
      if (data && 'console' in data && data['console'] === null) {
        this.session.ended();
        throw new ConsoleCallError('UNAUTHENTICATED');
      }
      this.session.touched(sentAt);
      return result;
    } catch (error) {
      if (error instanceof ConsoleCallError) {
        throw error;
      }
      const code = errorCode(error);
      if (code === 'UNAUTHENTICATED') {
        this.session.ended();
      } else if (CombinedGraphQLErrors.is(error)) {
        this.session.touched(sentAt); // The server answered: the session was renewed.
      }
      throw new ConsoleCallError(code);
    }
  }
}

/** The code of a failure thrown by `ConsoleApi.call` (or anything else: `INTERNAL`). */
export function failureOf(error: unknown): ConsoleCallError['code'] {
  return error instanceof ConsoleCallError ? error.code : 'INTERNAL';
}

/**
 * One console action a button starts (save, publish, open a PDF…), one at a time: `busy` while it runs, `failure`
 * with the code of its last failure (cleared when it starts again). Templates read the two signals.
 */
export class ConsoleTask {
  readonly busy = signal(false);
  readonly failure = signal<CallFailure | null>(null);

  /** Runs `work` unless a run is still busy (then does nothing); a thrown error becomes `failure`, never a rejection. */
  async run(work: () => Promise<void>): Promise<void> {
    await whileBusy(this.busy, async () => {
      this.failure.set(null);
      try {
        await work();
      } catch (error) {
        this.failure.set(failureOf(error));
      }
    });
  }
}
