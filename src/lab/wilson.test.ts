import { describe, expect, it } from 'vitest';
import { wilson, Z95 } from './wilson';

// Worked by hand with z = 1.96 (z² = 3.8415):
//   centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
describe('wilson', () => {
  it('7 of 10: centre 0.89207 / 1.38415 = 0.64449, half 0.34288 / 1.38415 = 0.24772', () => {
    const w = wilson(7, 10);
    expect(w.share).toBe(0.7);
    expect(w.lo).toBeCloseTo(0.39677, 4);
    expect(w.hi).toBeCloseTo(0.89221, 4);
  });

  it('0 of 5: the lower bound is 0 and the upper z²/n / (1 + z²/n) = 0.76829 / 1.76829', () => {
    const w = wilson(0, 5);
    expect(w.share).toBe(0);
    expect(w.lo).toBe(0);
    expect(w.hi).toBeCloseTo(0.43448, 4);
  });

  it('10 of 10: the upper bound is 1 and the lower 1 / 1.38415 = 0.72247', () => {
    const w = wilson(10, 10);
    expect(w.hi).toBe(1);
    expect(w.lo).toBeCloseTo(0.72247, 4);
  });

  it('narrows as runs grow at the same share, and is symmetric about one half', () => {
    const small = wilson(5, 10);
    const large = wilson(50, 100);
    expect(large.hi - large.lo).toBeLessThan(small.hi - small.lo);
    expect(small.lo).toBeCloseTo(1 - small.hi, 12);
  });

  it('uses the 95 % normal quantile by default', () => {
    expect(Z95).toBeCloseTo(1.96, 3);
    expect(wilson(3, 8)).toEqual(wilson(3, 8, Z95));
  });

  it('refuses no runs, fractions and more solved than runs', () => {
    expect(() => wilson(0, 0)).toThrow(RangeError);
    expect(() => wilson(1, 2.5)).toThrow(RangeError);
    expect(() => wilson(4, 3)).toThrow(RangeError);
    expect(() => wilson(-1, 3)).toThrow(RangeError);
  });
});
