import { describe, expect, it } from 'vitest';
import { MAX_REFRESH_MS, MIN_REFRESH_MS, nextDelay } from './refreshPace';

describe('nextDelay', () => {
  it('refreshes every 400 ms while a refresh is cheap', () => {
    expect(nextDelay(0)).toBe(MIN_REFRESH_MS);
    expect(nextDelay(40)).toBe(400);
  });

  it('slows down so a refresh costs about a tenth of the time, up to 3 s', () => {
    expect(nextDelay(80)).toBe(800);
    expect(nextDelay(250)).toBe(2500);
    expect(nextDelay(1000)).toBe(MAX_REFRESH_MS);
  });
});
