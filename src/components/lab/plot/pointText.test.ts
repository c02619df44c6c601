import { describe, expect, it } from 'vitest';
import type { CurvePoint } from '../../../lab/types';
import { pointLabel, pointTooltip } from './pointText';

// 3 seeds × 4 problems: seeds solved 2, 3 and 4 of 4 → 50 %, 75 %, 100 %, mean 75 %.
const POINT: CurvePoint = {
  series: { strategy: 'beam-min', variant: null, arm: '' },
  budget: 8,
  accuracy: 0.75,
  min: 0.5,
  max: 1,
  sd: Math.sqrt((0.25 ** 2 * 2) / 3),
  generated: 1234.5,
  calls: 37.25,
  runs: 12,
  solved: 9,
  failed: 1,
  completeSeeds: 2,
  cellIds: [],
};

describe('a plot point in words', () => {
  it('names the point with its accuracy, spread, compute and runs', () => {
    expect(pointLabel('Beam search (minimum)', POINT, 'generated')).toBe(
      'Beam search (minimum), k = 8: accuracy 75% (seeds 50%–100%), 1,235 tokens per problem, 9 of 12 runs solved, 1 failed',
    );
    expect(pointLabel('Beam', { ...POINT, min: 0.75, max: 0.75, failed: 0 }, 'calls')).toBe(
      'Beam, k = 8: accuracy 75%, 37 model calls per problem, 9 of 12 runs solved',
    );
  });

  it('explains accuracy, runs, interval, spread and compute, and says when runs failed or seeds are missing', () => {
    const lines = pointTooltip(POINT, 3, 'seeds');
    expect(lines[0]).toBe(
      'Accuracy 75%: the share of problems solved, averaged over seeds (9 of 12 runs solved).',
    );
    expect(lines[1]).toBe('12 runs behind this point.');
    // Wilson on 9 of 12 (z² / n = 0.3201): centre 0.91006 / 1.32012 = 0.6894, half-width
    // 1.96 · √(0.015625 + 0.006669) / 1.32012 = 0.2217 → 47 % to 91 %.
    expect(lines[2]).toBe('95 % interval (Wilson, on 9 of 12): 47% to 91%.');
    // sd of 50, 75, 100 (population) = 20.4 points.
    expect(lines[3]).toBe(
      'Spread across seeds: 50% to 100% (standard deviation 20.4 points), drawn as the whisker.',
    );
    expect(lines[4]).toBe(
      'Compute: 1,235 tokens generated and 37 model calls per problem, on average over the runs.',
    );
    // By default the whisker is the Wilson interval.
    expect(pointTooltip(POINT, 3)[2]).toBe(
      '95 % interval (Wilson, on 9 of 12): 47% to 91%, drawn as the whisker.',
    );
    expect(pointTooltip(POINT, 3)[3]).toBe(
      'Spread across seeds: 50% to 100% (standard deviation 20.4 points).',
    );
    expect(lines).toContain('1 run failed: counted as unsolved, their compute included.');
    expect(lines).toContain(
      'Partial: 2 of 3 seeds have all their runs; the rest are still to come or were cancelled.',
    );
    const whole = pointTooltip(
      { ...POINT, failed: 0, completeSeeds: 3, min: 0.75, max: 0.75 },
      3,
      'seeds',
    );
    expect(whole).toEqual([
      lines[0],
      lines[1],
      lines[2],
      'Spread: every seed gave 75%.',
      lines[4],
      'Click to list the runs behind this point.',
    ]);
  });
});
