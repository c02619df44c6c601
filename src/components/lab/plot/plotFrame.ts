import { scaleLinear, scaleLog } from 'd3-scale';
import { percent } from '../format';

/**
 * The geometry of a lab plot ("d3 computes, React draws"): d3-scale maps
 * compute (log x, as the Blueprint's accuracy-against-log-compute curves) or an experiment's
 * variable (linear x) and accuracy (linear y, 0–100 %) to pixels, and chooses the ticks. The
 * JSX in `LinePlot.tsx` only draws what this returns.
 */

/** One drawn value: a point with its spread (min–max across seeds). */
export interface PlotDatum {
  /** Stable key within its line (e.g. the budget). */
  key: string;
  x: number;
  /** Accuracy and its spread, in [0, 1]. */
  y: number;
  lo: number;
  hi: number;
}

/** One line of the plot. */
export interface PlotLine<D extends PlotDatum = PlotDatum> {
  id: string;
  label: string;
  color: string;
  /** SVG stroke-dasharray, or null for a solid line. */
  dash: string | null;
  marker: 'circle' | 'square' | 'triangle';
  data: D[];
}

/** A tick of an axis: its value, where it is drawn, and its label ('' = unlabelled). */
export interface Tick {
  value: number;
  pos: number;
  label: string;
}

/** A datum placed on the plot. */
export interface Placed<D extends PlotDatum> {
  datum: D;
  cx: number;
  cy: number;
  cyLo: number;
  cyHi: number;
}

/** Everything the plot draws, in pixels of its viewBox. */
export interface PlotFrame<D extends PlotDatum> {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  xTicks: Tick[];
  yTicks: Tick[];
  lines: { line: PlotLine<D>; placed: Placed<D>[] }[];
  /** Values left out because a log axis cannot show them (compute 0). */
  dropped: number;
}

export const PLOT_WIDTH = 640;
export const PLOT_HEIGHT = 340;
const MARGIN = { top: 14, right: 18, bottom: 44, left: 52 };

/** The x extent, padded so the outermost points do not sit on the frame. */
function xDomain(xs: number[], log: boolean): [number, number] {
  if (xs.length === 0) return log ? [1, 10] : [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (log) return lo === hi ? [lo / 2, hi * 2] : [lo / 1.25, hi * 1.25];
  const pad = lo === hi ? 1 : (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/**
 * Places the lines on a `width` × `height` plot with a log or linear x-axis. Points with
 * x ≤ 0 cannot be drawn on a log axis: they are left out and counted in `dropped`.
 */
export function plotFrame<D extends PlotDatum>(
  lines: readonly PlotLine<D>[],
  xType: 'log' | 'linear',
  width = PLOT_WIDTH,
  height = PLOT_HEIGHT,
): PlotFrame<D> {
  const log = xType === 'log';
  const drawable = (d: D) => Number.isFinite(d.x) && (!log || d.x > 0);
  const xs = lines.flatMap((l) => l.data.filter(drawable).map((d) => d.x));
  const total = lines.reduce((n, l) => n + l.data.length, 0);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const domain = xDomain(xs, log);
  const x = log
    ? scaleLog().domain(domain).range([left, right])
    : scaleLinear().domain(domain).range([left, right]);
  const y = scaleLinear().domain([0, 1]).range([bottom, top]);
  const format = log ? x.tickFormat(6, '~s') : x.tickFormat(6, '~g');
  // A variable that takes whole values (hint steps, thinking tokens) gets whole ticks.
  const whole = !log && xs.length > 0 && xs.every(Number.isInteger);
  const xTicks = x
    .ticks(log ? undefined : 6)
    .filter((value) => !whole || Number.isInteger(value))
    .map((value) => ({
      value,
      pos: x(value),
      label: format(value),
    }));
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((value) => ({
    value,
    pos: y(value),
    label: percent(value),
  }));
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    xTicks,
    yTicks,
    lines: lines.map((line) => ({
      line,
      placed: line.data
        .filter(drawable)
        .sort((a, b) => a.x - b.x)
        .map((datum) => ({
          datum,
          cx: x(datum.x),
          cy: y(datum.y),
          cyLo: y(datum.lo),
          cyHi: y(datum.hi),
        })),
    })),
    dropped: total - xs.length,
  };
}

/** The SVG path through placed points, in x order. */
export function linePath(placed: readonly { cx: number; cy: number }[]): string {
  return placed
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.cx.toFixed(1)},${p.cy.toFixed(1)}`)
    .join('');
}

/** Width of a legend entry: the swatch and gap, and the label at ~6.2 px a character. */
const SWATCH = 28;
const CHAR = 6.2;
const GAP = 16;

/**
 * The legend's columns: as many as fit in `width` when each is as wide as the longest
 * label, at least one.
 * @example legendColumns([{ label: 'MCTS' }], 570) // { column: 68.8, columns: 8 }
 */
export function legendColumns(
  lines: readonly { label: string }[],
  width: number,
): { column: number; columns: number } {
  const longest = Math.max(0, ...lines.map((l) => l.label.length));
  const column = SWATCH + longest * CHAR + GAP;
  return { column, columns: Math.max(1, Math.floor(width / column)) };
}
