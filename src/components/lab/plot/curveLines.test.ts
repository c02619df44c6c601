import { describe, expect, it } from 'vitest';
import type { CurvePoint, GridSpec } from '../../../lab/types';
import { DEFAULT_ENGINE } from '../../../run/settings';
import { curveLines, variableLines, variableName, variantsOf } from './curveLines';

const SPEC: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001'],
  engine: DEFAULT_ENGINE,
  strategies: ['bon-majority', 'bon-prm-geomean', 'beam-min', 'mcts-prm'],
  budgets: [2, 8],
  seeds: [1],
  experiment: { kind: 'budget' },
};

function point(strategy: string, budget: number, variant: number | null = null): CurvePoint {
  return {
    series: { strategy, variant, arm: '' },
    budget,
    accuracy: budget / 10,
    min: budget / 20,
    max: budget / 10,
    sd: 0,
    generated: budget * 100,
    calls: budget * 3,
    runs: 1,
    solved: 1,
    failed: 0,
    completeSeeds: 1,
    cellIds: [],
  };
}

describe('curveLines', () => {
  it('makes a line per series with its points at the measured compute', () => {
    const lines = curveLines(
      SPEC,
      [point('bon-majority', 2), point('beam-min', 2), point('bon-majority', 8)],
      'generated',
      'light',
    );
    expect(lines.map((l) => l.id)).toEqual(['bon-majority|-|-', 'beam-min|-|-']);
    expect(lines[0]?.data.map((d) => [d.key, d.x, d.y, d.lo, d.hi])).toEqual([
      ['2', 200, 0.2, 0.1, 0.2],
      ['8', 800, 0.8, 0.4, 0.8],
    ]);
    expect(lines[0]?.label).toBe('Best-of-N, majority vote');
    const calls = curveLines(SPEC, [point('beam-min', 8)], 'calls', 'light');
    expect(calls[0]?.data[0]?.x).toBe(24);
  });

  it('colours by family, shades by place in the family, and marks families by shape', () => {
    const lines = curveLines(
      SPEC,
      ['bon-majority', 'bon-prm-geomean', 'beam-min', 'mcts-prm'].map((s) => point(s, 2)),
      'generated',
      'light',
    );
    expect(lines.map((l) => [l.color, l.marker, l.dash])).toEqual([
      ['#1d4ed8', 'circle', null],
      ['#0891b2', 'circle', null],
      ['#c2410c', 'square', null],
      ['#15803d', 'triangle', null],
    ]);
    const dark = curveLines(SPEC, [point('beam-min', 2)], 'generated', 'dark');
    expect(dark[0]?.color).toBe('#fb923c');
  });

  it('dashes each value of an experiment’s variable, and plots accuracy against it', () => {
    const spec: GridSpec = { ...SPEC, experiment: { kind: 'prm-noise', noises: [0, 0.3, 0.6] } };
    expect(variantsOf(spec)).toEqual([0, 0.3, 0.6]);
    expect(variableName(spec)).toBe('PRM noise');
    const points = [0, 0.3, 0.6].map((v) => point('beam-min', 8, v));
    const lines = curveLines(spec, points, 'generated', 'light');
    expect(lines.map((l) => l.dash)).toEqual([null, '7 4', '2 3']);
    expect(lines[1]?.label).toBe('Beam search (minimum), PRM noise 0.3');
    const byVariable = variableLines(spec, points, 'light');
    expect(byVariable).toHaveLength(1);
    expect(byVariable[0]?.data.map((d) => d.x)).toEqual([0, 0.3, 0.6]);
    expect(variantsOf(SPEC)).toEqual([]);
    expect(variableName(SPEC)).toBeNull();
  });
});
