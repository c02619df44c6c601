import { describe, expect, it } from 'vitest';
import type { GridCell } from '../../lab/types';
import { DEFAULT_SETTINGS } from '../../run/settings';
import { computeText, duration, percent, runLabel } from './format';

describe('the lab’s number formats', () => {
  it('writes accuracy as a whole percentage', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(0.625)).toBe('63%');
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(1)).toBe('100%');
  });

  it('rounds compute to whole numbers from 10 up and to one decimal below', () => {
    expect(computeText(1234.4)).toBe('1,234');
    expect(computeText(10)).toBe('10');
    expect(computeText(3.25)).toBe('3.3');
    expect(computeText(0)).toBe('0');
  });

  it('writes durations in seconds, minutes and hours', () => {
    expect(duration(0)).toBe('0 s');
    expect(duration(59_400)).toBe('59 s');
    expect(duration(75_000)).toBe('1 min 15 s');
    expect(duration(3_720_000)).toBe('1 h 2 min');
    expect(duration(-5)).toBe('0 s');
  });

  it('names a run by problem, strategy, budget, seed, and the variable and role when there are', () => {
    const cell: GridCell = {
      id: 'x',
      problemId: 'g24-007',
      strategy: 'beam-min',
      budget: 8,
      seed: 2,
      variant: null,
      arm: '',
      role: 'run',
      settings: DEFAULT_SETTINGS,
    };
    expect(runLabel(cell, 'Beam')).toBe('g24-007 · Beam · k = 8 · seed 2');
    expect(runLabel({ ...cell, variant: 0.3, role: 'allocated' }, 'Beam', 'PRM noise')).toBe(
      'g24-007 · Beam · k = 8 · seed 2 · PRM noise 0.3 · allocated',
    );
  });
});
