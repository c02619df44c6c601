import { describe, expect, it } from 'vitest';
import type { PlotLine } from './plotFrame';
import { linePath, plotFrame, sharedXDomain } from './plotFrame';

function line(points: [x: number, y: number, lo?: number, hi?: number][]): PlotLine {
  return {
    id: 's',
    label: 'S',
    color: '#000',
    dash: null,
    marker: 'circle',
    data: points.map(([x, y, lo = y, hi = y]) => ({ key: String(x), x, y, lo, hi })),
  };
}

// The default frame: 640 × 340, plot area x 52 → 622 (570 px), y 296 (0 %) → 14 (100 %).
describe('plotFrame', () => {
  it('puts compute on a log axis: 10, 100, 1000 fall at equal steps, 100 in the middle', () => {
    // Padded domain [10 / 1.25, 1000 · 1.25] = [8, 1250]; its geometric middle is 100.
    const frame = plotFrame(
      [
        line([
          [1000, 1],
          [10, 0],
          [100, 0.5, 0.25, 0.75],
        ]),
      ],
      'log',
    );
    const placed = frame.lines[0]?.placed ?? [];
    expect(placed.map((p) => p.datum.x)).toEqual([10, 100, 1000]);
    const [a, b, c] = placed.map((p) => p.cx);
    expect(b).toBeCloseTo(337, 6);
    expect(a).toBeCloseTo(52 + (570 * Math.log(1.25)) / Math.log(156.25), 6);
    expect((c ?? 0) - (b ?? 0)).toBeCloseTo((b ?? 0) - (a ?? 0), 6);
    // Accuracy 50 % halfway up; the whisker from 25 % to 75 %.
    expect(placed[1]).toMatchObject({ cy: 155, cyLo: 225.5, cyHi: 84.5 });
    expect(placed[0]?.cy).toBe(296);
    expect(placed[2]?.cy).toBe(14);
    expect(frame.dropped).toBe(0);
  });

  it('labels log ticks at round values and leaves the others as minor ticks', () => {
    const frame = plotFrame(
      [
        line([
          [10, 0],
          [1000, 1],
        ]),
      ],
      'log',
    );
    const labelled = frame.xTicks.filter((t) => t.label !== '').map((t) => t.label);
    expect(labelled).toEqual(expect.arrayContaining(['10', '100', '1k']));
    expect(frame.xTicks.some((t) => t.label === '')).toBe(true);
    expect(frame.yTicks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });

  it('centres a single compute value and leaves out what a log axis cannot show', () => {
    const frame = plotFrame(
      [
        line([
          [50, 0.2],
          [0, 0.1],
        ]),
      ],
      'log',
    );
    expect(frame.lines[0]?.placed.map((p) => p.cx)).toEqual([expect.closeTo(337, 6)]);
    expect(frame.dropped).toBe(1);
  });

  it('puts a variable on a linear axis with the values where they belong', () => {
    const frame = plotFrame(
      [
        line([
          [0, 0.9],
          [0.3, 0.6],
          [0.6, 0.3],
        ]),
      ],
      'linear',
    );
    const xs = frame.lines[0]?.placed.map((p) => p.cx) ?? [];
    expect(xs[1]).toBeCloseTo(337, 6);
    expect((xs[2] ?? 0) - (xs[1] ?? 0)).toBeCloseTo((xs[1] ?? 0) - (xs[0] ?? 0), 6);
    expect(frame.dropped).toBe(0);
  });

  it('gives a variable with whole values whole ticks only', () => {
    const frame = plotFrame(
      [
        line([
          [0, 0.5],
          [1, 0.7],
        ]),
      ],
      'linear',
    );
    expect(frame.xTicks.map((t) => t.label)).toEqual(['0', '1']);
  });

  it('draws nothing for no lines, without failing', () => {
    const frame = plotFrame([], 'log');
    expect(frame.lines).toEqual([]);
    expect(frame.xTicks.length).toBeGreaterThan(0);
  });
});

describe('linePath', () => {
  it('joins the points in order', () => {
    expect(
      linePath([
        { cx: 1, cy: 2 },
        { cx: 3.25, cy: 4 },
      ]),
    ).toBe('M1.0,2.0L3.3,4.0');
    expect(linePath([])).toBe('');
  });
});

describe('sharedXDomain', () => {
  it('spans every drawable value of all lines, padded as one plot would be', () => {
    const a = line([[10, 0]]);
    const b = line([
      [1000, 1],
      [0, 0],
    ]);
    // Log: [10 / 1.25, 1000 · 1.25]; the 0 cannot be drawn on a log axis.
    expect(sharedXDomain([a, b], 'log')).toEqual([8, 1250]);
    const frame = plotFrame([a], 'log', 640, 340, { domain: sharedXDomain([a, b], 'log') });
    // The lone point at 10 sits where it would in the panel of all points, not centred.
    expect(frame.lines[0]?.placed[0]?.cx).toBeCloseTo(
      52 + (570 * Math.log(1.25)) / Math.log(156.25),
      6,
    );
  });
});
