import { signal } from '@angular/core';
import { whileBusy } from './while-busy';

describe('whileBusy', () => {
  it('sets busy while the work runs and clears it after', async () => {
    const busy = signal(false);
    let release = (): void => undefined;
    const seen: boolean[] = [];
    const run = whileBusy(busy, async () => {
      seen.push(busy());
      await new Promise<void>((resolve) => (release = resolve));
    });
    expect(busy()).toBe(true);
    release();
    await run;
    expect(seen).toEqual([true]);
    expect(busy()).toBe(false);
  });

  it('does nothing while busy (a second press while the first is on its way)', async () => {
    const busy = signal(true);
    let ran = false;
    await whileBusy(busy, () => {
      ran = true;
      return Promise.resolve();
    });
    expect(ran).toBe(false);
    expect(busy()).toBe(true);
  });

  it('clears busy when the work throws, and throws the error again', async () => {
    const busy = signal(false);
    await expect(whileBusy(busy, () => Promise.reject(new Error('network')))).rejects.toThrow('network');
    expect(busy()).toBe(false);
  });
});
