import { getStrategy } from '../../../lab/strategies';
import { seriesId, seriesLabel } from '../../../lab/aggregate';
import type { ComputeMetric, CurvePoint, GridSpec, IntervalKind } from '../../../lab/types';
import { wilson } from '../../../lab/wilson';
import type { Theme } from '../../../store';
import { mergeCoincident } from './mergeLines';
import type { PlotDatum, PlotLine, PlotPanelData } from './plotFrame';
import type { Family } from './seriesStyle';
import { seriesLook } from './seriesStyle';

/**
 * The lab's curves as plot lines: accuracy against compute per series (the Blueprint's
 * accuracy-versus-log-compute view; MetaStone-S1's low / medium / high budgets as points),
 * one panel per value of an experiment's variable (small multiples, not dashes), and
 * accuracy against that variable at one budget (PRM noise, hint level j, thinking budget).
 * Colour is the strategy's. Each datum keeps its {@link CurvePoint}, so a click can list
 * its runs; lines that coincide at every point are merged into one named for all.
 */

/** A datum of a lab plot: the curve point behind it and its series id. */
export interface CurveDatum extends PlotDatum {
  point: CurvePoint;
  seriesId: string;
}

function familyOf(strategy: string): Family {
  return getStrategy(strategy)?.family ?? 'best-of-n';
}

/** The strategy's place among the spec's strategies of its family. */
function rankOf(spec: GridSpec, strategy: string): number {
  const family = familyOf(strategy);
  const same = spec.strategies.filter((s) => familyOf(s) === family);
  return Math.max(0, same.indexOf(strategy));
}

/** The values of the spec's experiment variable, or [] when it has none. */
export function variantsOf(spec: GridSpec): number[] {
  const e = spec.experiment;
  if (e.kind === 'prm-noise') return e.noises;
  if (e.kind === 'step-hints') return e.levels;
  if (e.kind === 'budget-forcing') return e.thinkingBudgets;
  return [];
}

/** The variable's name, for axis titles and labels, or null. */
export function variableName(spec: GridSpec): string | null {
  const e = spec.experiment;
  if (e.kind === 'prm-noise') return 'PRM noise';
  if (e.kind === 'step-hints') return 'hint steps j';
  if (e.kind === 'budget-forcing') return 'thinking tokens';
  return null;
}

/** The whisker's ends of a point. */
export function intervalOf(point: CurvePoint, interval: IntervalKind): [number, number] {
  if (interval === 'seeds' || point.runs === 0) return [point.min, point.max];
  const w = wilson(point.solved, point.runs);
  return [w.lo, w.hi];
}

function datum(point: CurvePoint, x: number, key: string, interval: IntervalKind): CurveDatum {
  const [lo, hi] = intervalOf(point, interval);
  return {
    key,
    x,
    y: point.accuracy,
    lo,
    hi,
    n: point.runs,
    point,
    seriesId: seriesId(point.series),
  };
}

/** The strategy's colour and marker; the difficulty preview's preview arm is dashed. */
function lookOf(spec: GridSpec, point: CurvePoint, theme: Theme) {
  return seriesLook(
    familyOf(point.series.strategy),
    rankOf(spec, point.series.strategy),
    point.series.arm === 'preview' ? 1 : 0,
    theme,
  );
}

/**
 * One line per series, x = mean compute per problem in `metric`, labelled with its whole
 * name (strategy, variable value, arm); not merged.
 */
export function curveLines(
  spec: GridSpec,
  points: readonly CurvePoint[],
  metric: ComputeMetric,
  theme: Theme,
  interval: IntervalKind = 'wilson',
): PlotLine<CurveDatum>[] {
  const lines = new Map<string, PlotLine<CurveDatum>>();
  for (const p of points) {
    const id = seriesId(p.series);
    let line = lines.get(id);
    if (!line) {
      line = { id, label: seriesLabel(p.series, spec), data: [], ...lookOf(spec, p, theme) };
      lines.set(id, line);
    }
    const x = metric === 'generated' ? p.generated : p.calls;
    line.data.push(datum(p, x, String(p.budget), interval));
  }
  return [...lines.values()];
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/**
 * The effort plot's panels: one panel for a grid without a variable; otherwise one per value
 * of the variable (in the spec's order), its lines named by strategy and arm only and
 * sharing a legend entry across panels. Coinciding lines are merged within each panel.
 */
export function curvePanels(
  spec: GridSpec,
  points: readonly CurvePoint[],
  metric: ComputeMetric,
  theme: Theme,
  interval: IntervalKind = 'wilson',
): PlotPanelData<CurveDatum>[] {
  const name = variableName(spec);
  const values = [...new Set(variantsOf(spec))];
  if (name === null || values.length === 0) {
    return [
      {
        id: 'all',
        title: '',
        lines: mergeCoincident(curveLines(spec, points, metric, theme, interval)),
      },
    ];
  }
  return values.map((value) => {
    const mine = points.filter((p) => p.series.variant === value);
    const lines = curveLines(spec, mine, metric, theme, interval).map((line) => {
      const p = line.data[0]?.point;
      if (!p) return line;
      const label = seriesLabel({ ...p.series, variant: null }, spec);
      return { ...line, label, legendKey: `${p.series.strategy}|${p.series.arm}` };
    });
    return { id: `v${value}`, title: `${name} ${fmt(value)}`, lines: mergeCoincident(lines) };
  });
}

/**
 * One line per strategy (and arm), x = the experiment's variable, from the points at
 * `budget` (those `variableCurve` picks); coinciding lines merged.
 */
export function variableLines(
  spec: GridSpec,
  atBudget: readonly CurvePoint[],
  theme: Theme,
  interval: IntervalKind = 'wilson',
): PlotLine<CurveDatum>[] {
  const lines = new Map<string, PlotLine<CurveDatum>>();
  for (const p of atBudget) {
    if (p.series.variant === null) continue;
    const id = `${p.series.strategy}|${p.series.arm}`;
    let line = lines.get(id);
    if (!line) {
      const label = seriesLabel({ ...p.series, variant: null }, spec);
      line = { id, label, data: [], ...lookOf(spec, p, theme) };
      lines.set(id, line);
    }
    line.data.push(datum(p, p.series.variant, String(p.series.variant), interval));
  }
  return mergeCoincident([...lines.values()]);
}
