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
  /** Runs behind the value, where known (two lines coincide only with the same runs). */
  n?: number;
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
  /** The name at the line's end, when shorter than `label` (a joint line's names). */
  endLabel?: string;
  /** What its legend entry toggles (a strategy's lines across panels share it); `id` else. */
  legendKey?: string;
  /** The series a joint line stands for (`mergeLines.ts`); absent for a single series. */
  members?: { id: string; label: string }[];
}

/** One panel of small multiples: a value of the experiment's variable and its lines. */
export interface PlotPanelData<D extends PlotDatum = PlotDatum> {
  id: string;
  /** '' for a plot of one panel. */
  title: string;
  lines: PlotLine<D>[];
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
  /** The scales: a value of x or of accuracy to its pixel (for fitted lines). */
  toX: (value: number) => number;
  toY: (value: number) => number;
}

export const PLOT_WIDTH = 640;
export const PLOT_HEIGHT = 340;
const MARGIN = { top: 14, right: 18, bottom: 44, left: 52 };
/** The axis text size the margins are made for. */
export const BASE_FONT = 11;

/** The x extent, padded so the outermost points do not sit on the frame. */
export function xDomain(xs: number[], log: boolean): [number, number] {
  if (xs.length === 0) return log ? [1, 10] : [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (log) return lo === hi ? [lo / 2, hi * 2] : [lo / 1.25, hi * 1.25];
  const pad = lo === hi ? 1 : (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/** Whether a value can be drawn on the axis (a log axis cannot show x ≤ 0). */
function drawableOn(log: boolean): (d: PlotDatum) => boolean {
  return (d) => Number.isFinite(d.x) && (!log || d.x > 0);
}

/**
 * The x extent that fits every drawable value of all `lines` (small multiples share it, so
 * their panels read against one axis).
 */
export function sharedXDomain(
  lines: readonly PlotLine[],
  xType: 'log' | 'linear',
): [number, number] {
  const log = xType === 'log';
  return xDomain(
    lines.flatMap((l) => l.data.filter(drawableOn(log)).map((d) => d.x)),
    log,
  );
}

/** Optional geometry of {@link plotFrame}: a shared x extent, a wider right margin. */
export interface FrameOptions {
  domain?: [number, number];
  /** Space right of the plot area (for the names at the lines' ends). */
  rightMargin?: number;
  /**
   * The axis text's size, when larger than the 11 units the margins are made for: the top,
   * bottom and left margins grow with it (presentation mode's large type).
   */
  fontSize?: number;
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
  options: FrameOptions = {},
): PlotFrame<D> {
  const log = xType === 'log';
  const drawable = drawableOn(log);
  const xs = lines.flatMap((l) => l.data.filter(drawable).map((d) => d.x));
  const total = lines.reduce((n, l) => n + l.data.length, 0);
  const grow = Math.max(1, (options.fontSize ?? BASE_FONT) / BASE_FONT);
  // Large type: room for the y-axis title beside the wider tick labels, too.
  const left = Math.round(MARGIN.left * grow + (grow - 1) * 24);
  const right = width - (options.rightMargin ?? MARGIN.right);
  const top = Math.round(MARGIN.top * grow);
  const bottom = height - Math.round(MARGIN.bottom * grow);
  const domain = options.domain ?? xDomain(xs, log);
  const x = log
    ? scaleLog().domain(domain).range([left, right])
    : scaleLinear().domain(domain).range([left, right]);
  const y = scaleLinear().domain([0, 1]).range([bottom, top]);
  const format = log ? x.tickFormat(6, '~s') : x.tickFormat(6, '~g');
  // A variable that takes whole values (hint steps, thinking tokens) gets whole ticks.
  const whole = !log && xs.length > 0 && xs.every((v) => Number.isInteger(v));
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
    toX: (value) => x(value),
    toY: (value) => y(value),
  };
}

/** The SVG path through placed points, in x order. */
export function linePath(placed: readonly { cx: number; cy: number }[]): string {
  return placed
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.cx.toFixed(1)},${p.cy.toFixed(1)}`)
    .join('');
}
