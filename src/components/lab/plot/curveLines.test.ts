import { describe, expect, it } from 'vitest';
import type { CurvePoint, GridSpec } from '../../../lab/types';
import { DEFAULT_ENGINE } from '../../../run/settings';
import { curveLines, curvePanels, variableLines, variableName, variantsOf } from './curveLines';

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
    // Seeds' spread: min–max; Wilson on 1 of 1: 0.2065 to 1 (z² / n = 3.8415: lower bound
    // (1 + 1.9207 − 1.96·√0.9604) / 4.8415 = 1 / 4.8415).
    expect(
      curveLines(
        SPEC,
        [point('bon-majority', 2), point('bon-majority', 8)],
        'generated',
        'light',
        'seeds',
      )[0]?.data.map((d) => [d.key, d.x, d.y, d.lo, d.hi]),
    ).toEqual([
      ['2', 200, 0.2, 0.1, 0.2],
      ['8', 800, 0.8, 0.4, 0.8],
    ]);
    const wilsonLo = lines[0]?.data[0]?.lo ?? 0;
    expect(wilsonLo).toBeCloseTo(1 / (1 + 1.959964 ** 2), 5);
    expect(lines[0]?.data[0]?.hi).toBe(1);
    expect(lines[0]?.data[0]?.n).toBe(1);
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

  it('gives each value of an experiment’s variable its own panel, and plots accuracy against it', () => {
    const spec: GridSpec = { ...SPEC, experiment: { kind: 'prm-noise', noises: [0, 0.3, 0.6] } };
    expect(variantsOf(spec)).toEqual([0, 0.3, 0.6]);
    expect(variableName(spec)).toBe('PRM noise');
    const points = [0, 0.3, 0.6].flatMap((v) => [point('beam-min', 8, v), point('mcts-prm', 8, v)]);
    const lines = curveLines(spec, points, 'generated', 'light');
    expect(lines.map((l) => l.dash)).toEqual([null, null, null, null, null, null]);
    expect(lines[2]?.label).toBe('Beam search (minimum), PRM noise 0.3');
    const panels = curvePanels(spec, points, 'generated', 'light');
    expect(panels.map((p) => p.title)).toEqual(['PRM noise 0', 'PRM noise 0.3', 'PRM noise 0.6']);
    // In a panel, a line per strategy named by strategy alone, one legend entry per strategy
    // across panels, colour by strategy (MCTS made to differ, or the two would be merged).
    const apart = points.map((p) =>
      p.series.strategy === 'mcts-prm' ? { ...p, accuracy: 0.1 } : p,
    );
    const [first] = curvePanels(spec, apart, 'generated', 'light');
    expect(first?.lines.map((l) => [l.label, l.legendKey, l.color])).toEqual([
      ['Beam search (minimum)', 'beam-min|', '#c2410c'],
      ['MCTS, PRM as value', 'mcts-prm|', '#15803d'],
    ]);
    const byVariable = variableLines(spec, points, 'light');
    expect(byVariable).toHaveLength(1);
    expect(byVariable[0]?.data.map((d) => d.x)).toEqual([0, 0.3, 0.6]);
    expect(byVariable[0]?.label).toBe('Beam search (minimum) = MCTS, PRM as value on these runs');
    expect(variantsOf(SPEC)).toEqual([]);
    expect(variableName(SPEC)).toBeNull();
  });
});

describe('curvePanels', () => {
  it('draws coinciding series once, named together, and keeps the others apart', () => {
    const points = [2, 8].flatMap((k) => [
      point('bon-prm-geomean', k),
      point('bon-majority', k),
      { ...point('beam-min', k), accuracy: 0.05 },
    ]);
    const [panel] = curvePanels(SPEC, points, 'generated', 'light');
    expect(panel?.lines.map((l) => l.label)).toEqual([
      'Best-of-N: PRM pick (geometric mean) = majority vote on these runs',
      'Beam search (minimum)',
    ]);
    expect(panel?.lines[0]?.members?.map((m) => m.id)).toEqual([
      'bon-prm-geomean|-|-',
      'bon-majority|-|-',
    ]);
    // One run's difference at one budget keeps them apart.
    const differ = points.map((p) =>
      p.series.strategy === 'bon-majority' && p.budget === 8 ? { ...p, solved: 0 } : p,
    );
    expect(curvePanels(SPEC, differ, 'generated', 'light')[0]?.lines).toHaveLength(3);
  });
});
