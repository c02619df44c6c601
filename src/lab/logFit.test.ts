import { describe, expect, it } from 'vitest';
import { fitAt, logComputeFit, t975 } from './logFit';

describe('logComputeFit', () => {
  // A hand-made grid: compute 2, 4, 8 (log₂ 1, 2, 3), accuracy 0.2, 0.5, 0.6, 10 runs each.
  //   mean u = 2, mean y = 1.3 / 3; Sxx = 10·(1 + 0 + 1) = 20;
  //   Sxy = 10·(−1·(0.2 − 0.4333) + 1·(0.6 − 0.4333)) = 4 → slope 4 / 20 = 0.2;
  //   intercept 0.4333 − 0.2·2 = 0.0333.
  //   RSS = within 10·(0.16 + 0.25 + 0.24) = 6.5, plus 10·(0.0333² + 0.0667² + 0.0333²)
  //   = 0.0667 → 6.5667; s² = 6.5667 / 28; SE = √(s² / 20) = 0.10829; t₂₈ = 2.0484 →
  //   half-width 0.22182.
  const grid = [
    { x: 2, y: 0.2, n: 10 },
    { x: 4, y: 0.5, n: 10 },
    { x: 8, y: 0.6, n: 10 },
  ];

  it('gives the slope, intercept and interval worked out by hand', () => {
    const fit = logComputeFit(grid);
    expect(fit).not.toBeNull();
    if (!fit) return;
    expect(fit.slope).toBeCloseTo(0.2, 12);
    expect(fit.intercept).toBeCloseTo(1 / 30, 12);
    expect(fit.slopeHi - fit.slope).toBeCloseTo(0.22182, 4);
    expect(fit.slope - fit.slopeLo).toBeCloseTo(0.22182, 4);
    expect(fit.points).toBe(3);
    expect(fit.runs).toBe(30);
    expect([fit.xMin, fit.xMax]).toEqual([2, 8]);
    expect(fitAt(fit, 4)).toBeCloseTo(13 / 30, 12);
  });

  it('weights a point by its runs', () => {
    // Doubling the runs at compute 8 pulls the mean of u to 2.25: Sxx = 10·1.5625 + 10·0.0625 +
    // 20·0.5625 = 27.5; mean y = (2 + 5 + 12) / 40 = 0.475; Sxy = 10·(−1.25)(−0.275) +
    // 10·(−0.25)(0.025) + 20·(0.75)(0.125) = 5.25 → slope 5.25 / 27.5.
    const fit = logComputeFit([grid[0]!, grid[1]!, { x: 8, y: 0.6, n: 20 }]);
    expect(fit?.slope).toBeCloseTo(5.25 / 27.5, 12);
  });

  it('is exact on a line with no spread: every run solved at the top, none at the bottom', () => {
    const fit = logComputeFit([
      { x: 1, y: 0, n: 4 },
      { x: 4, y: 0.5, n: 4 },
      { x: 16, y: 1, n: 4 },
    ]);
    expect(fit?.slope).toBeCloseTo(0.25, 12);
    expect(fit?.intercept).toBeCloseTo(0, 12);
  });

  it('needs three budgets with compute, and more than one compute', () => {
    expect(logComputeFit(grid.slice(0, 2))).toBeNull();
    expect(logComputeFit([...grid.slice(0, 2), { x: 0, y: 1, n: 10 }])).toBeNull();
    expect(
      logComputeFit([
        { x: 5, y: 0.1, n: 3 },
        { x: 5, y: 0.4, n: 3 },
        { x: 5, y: 0.9, n: 3 },
      ]),
    ).toBeNull();
    expect(logComputeFit([])).toBeNull();
  });
});

describe('t975', () => {
  it('reads the table and continues it smoothly past 30 degrees of freedom', () => {
    expect(t975(1)).toBe(12.7062);
    expect(t975(28)).toBe(2.0484);
    expect(t975(31)).toBeLessThan(t975(30));
    expect(t975(31)).toBeGreaterThan(2.03);
    expect(t975(100000)).toBeCloseTo(1.96, 3);
    expect(() => t975(0)).toThrow(RangeError);
  });
});
