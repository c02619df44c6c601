import { describe, expect, it } from 'vitest';
import { advance } from './progressClock';

describe('advance', () => {
  const reported = { done: 2, total: 4, failed: 1, elapsedMs: 10_000, etaMs: 10_000 };

  it('moves time spent on and time left down by the time since the report', () => {
    expect(advance(reported, 3_000)).toEqual({ ...reported, elapsedMs: 13_000, etaMs: 7_000 });
  });

  it('never shows negative time left, keeps "no estimate yet", and ignores a clock that ran back', () => {
    expect(advance(reported, 60_000).etaMs).toBe(0);
    expect(advance({ ...reported, etaMs: null }, 5_000)).toMatchObject({
      elapsedMs: 15_000,
      etaMs: null,
    });
    expect(advance(reported, -5)).toEqual(reported);
  });
});
