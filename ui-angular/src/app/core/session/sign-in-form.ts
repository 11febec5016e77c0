import { signal } from '@angular/core';
import { errorCode, type CallFailure } from '../graphql/errors';
import { whileBusy } from '../while-busy';

/**
 * What a sign-in form shows around its one request — the patient's (landing page) and the staff member's (console) —
 * and the order a submission goes in: field errors appear once submitted, a second submit while one is in flight does
 * nothing, the first invalid field takes the focus instead of a request, and a failed call is kept as its
 * {@link CallFailure} for the page to explain.
 *
 * @typeParam N the reasons the page can show for why the user is (back) at the form, e.g. a session that timed out
 */
export class SignInForm<N> {
  /** Set by the first submit: from then on the fields show their errors. */
  readonly submitted = signal(false);
  /** A request is in flight. */
  readonly busy = signal(false);
  /** The server answered that the credentials do not match. Pages set it from their `call`. */
  readonly failed = signal(false);
  /** Why the last request did not get an answer, or `null`. */
  readonly callError = signal<CallFailure | null>(null);
  /** Shown until the next request: why the user is at the form. */
  readonly notice;

  /** @param notice the reason to show from the start, `null` for none */
  constructor(notice: N | null) {
    this.notice = signal<N | null>(notice);
  }

  /**
   * Handles the form's `submit` event: clears the last outcome, then — unless a request is in flight or
   * `focusFirstInvalid` found a field to fix — runs `call` with {@link busy} set and the notice cleared. An error
   * `call` throws becomes {@link callError}; it never rejects.
   *
   * @param focusFirstInvalid focuses the first invalid field and answers `true`, or answers `false` when all are valid
   * @param call asks the server; sets {@link failed} itself when the answer is no
   */
  async submit(event: Event, focusFirstInvalid: () => boolean, call: () => Promise<void>): Promise<void> {
    event.preventDefault();
    this.submitted.set(true);
    this.failed.set(false);
    this.callError.set(null);
    if (this.busy() || focusFirstInvalid()) {
      return;
    }
    await whileBusy(this.busy, async () => {
      this.notice.set(null);
      try {
        await call();
      } catch (error) {
        this.callError.set(errorCode(error));
      }
    });
  }
}
