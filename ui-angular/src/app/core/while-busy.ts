import type { WritableSignal } from '@angular/core';

/**
 * One action at a time behind a `busy` flag (a button's request, a download): when `busy` is already set it does
 * nothing; else it sets `busy`, runs `work` and clears `busy` when `work` ends, returned or thrown. What `work` throws
 * is thrown again; the caller catches what it wants to show.
 */
export async function whileBusy(busy: WritableSignal<boolean>, work: () => Promise<void>): Promise<void> {
  if (busy()) {
    return;
  }
  busy.set(true);
  try {
    await work();
  } finally {
    busy.set(false);
  }
}
