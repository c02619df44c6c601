import type { Page } from '@playwright/test';

/**
 * Frame times (ms) recorded in the page by requestAnimationFrame while `act` runs; the first
 * frame (from the start of recording) is dropped.
 */
export async function recordFrames(page: Page, act: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx would wrap a function's inner names in a helper that the
  // page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  return (await page.evaluate(
    '(() => { window.__stop = true; return window.__frames.slice(1); })()',
  )) as number[];
}
