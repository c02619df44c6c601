import { getStrategy } from '../../../lab/strategies';
import { seriesId, seriesLabel } from '../../../lab/aggregate';
import type { ComputeMetric, CurvePoint, GridSpec } from '../../../lab/types';
import type { Theme } from '../../../store';
import type { PlotDatum, PlotLine } from './plotFrame';
import type { Family } from './seriesStyle';
import { seriesLook } from './seriesStyle';

/**
 * The lab's curves as plot lines: accuracy against compute per series (the Blueprint's
 * accuracy-versus-log-compute view; MetaStone-S1's low / medium / high budgets as points),
 * and accuracy against an experiment's variable at one budget (PRM noise, hint level j,
 * thinking budget). Each datum keeps its {@link CurvePoint}, so a click can list its runs.
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

function variantDash(spec: GridSpec, point: CurvePoint): number {
  if (point.series.arm === 'preview') return 1;
  if (point.series.variant === null) return 0;
  const values = [...new Set(variantsOf(spec))].sort((a, b) => a - b);
  return Math.max(0, values.indexOf(point.series.variant));
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

function datum(point: CurvePoint, x: number, key: string): CurveDatum {
  return {
    key,
    x,
    y: point.accuracy,
    lo: point.min,
    hi: point.max,
    point,
    seriesId: seriesId(point.series),
  };
}

/** One line per series, x = mean compute per problem in `metric`. */
export function curveLines(
  spec: GridSpec,
  points: readonly CurvePoint[],
  metric: ComputeMetric,
  theme: Theme,
): PlotLine<CurveDatum>[] {
  const lines = new Map<string, PlotLine<CurveDatum>>();
  for (const p of points) {
    const id = seriesId(p.series);
    let line = lines.get(id);
    if (!line) {
      const look = seriesLook(
        familyOf(p.series.strategy),
        rankOf(spec, p.series.strategy),
        variantDash(spec, p),
        theme,
      );
      line = { id, label: seriesLabel(p.series, spec), data: [], ...look };
      lines.set(id, line);
    }
    line.data.push(datum(p, metric === 'generated' ? p.generated : p.calls, String(p.budget)));
  }
  return [...lines.values()];
}

/**
 * One line per strategy (and arm), x = the experiment's variable, from the points at
 * `budget` (those `variableCurve` picks).
 */
export function variableLines(
  spec: GridSpec,
  atBudget: readonly CurvePoint[],
  theme: Theme,
): PlotLine<CurveDatum>[] {
  const lines = new Map<string, PlotLine<CurveDatum>>();
  for (const p of atBudget) {
    if (p.series.variant === null) continue;
    const id = `${p.series.strategy}|${p.series.arm}`;
    let line = lines.get(id);
    if (!line) {
      const look = seriesLook(
        familyOf(p.series.strategy),
        rankOf(spec, p.series.strategy),
        p.series.arm === 'preview' ? 1 : 0,
        theme,
      );
      const label = getStrategy(p.series.strategy)?.label ?? p.series.strategy;
      line = { id, label, data: [], ...look };
      lines.set(id, line);
    }
    line.data.push(datum(p, p.series.variant, String(p.series.variant)));
  }
  return [...lines.values()];
}
