/**
 * The maths of the SPRM training-curves picture (TrainingCurves.tsx draws it): two panels
 * over the epochs — the right-vs-wrong score gap and the step-level balanced accuracy — one
 * line per loss, on d3 linear scales sized to the width the picture has. Pure, so a test can
 * check each drawn point against the manifest's numbers.
 */
import { scaleLinear } from 'd3-scale';
import type { SprmEpoch, SprmLoss } from '../../engines/tiny/curves';
import type { TinySprmCurves } from '../../engines/tiny/manifest';

/** Text size of the picture in CSS px (≥ 14 px, readable at 1280×720 on 150 % zoom). */
export const CURVES_FONT_PX = 14;

/** What a panel plots, from one epoch. */
export interface CurvePanelDef {
  id: 'gap' | 'balanced';
  title: string;
  value: (e: SprmEpoch) => number;
  /** A reference line (chance for accuracy, no gap for the gap). */
  reference: { value: number; label: string };
}

export const CURVE_PANELS: readonly CurvePanelDef[] = [
  {
    id: 'gap',
    title: 'Score gap (right − wrong lines)',
    value: (e) => e.gap,
    reference: { value: 0, label: 'no gap' },
  },
  {
    id: 'balanced',
    title: 'Step accuracy, balanced',
    value: (e) => e.step_balanced_accuracy,
    reference: { value: 0.5, label: 'chance' },
  },
];

/** The three losses, in legend order. */
export const CURVE_LOSSES: readonly SprmLoss[] = ['bce', 'spr', 'bce_then_spr'];

export interface PlacedCurve {
  loss: SprmLoss;
  /** Pixel points, one per epoch, in epoch order. */
  points: { epoch: number; value: number; x: number; y: number }[];
}

export interface PlacedPanel {
  def: CurvePanelDef;
  /** The plot area in the SVG's pixels. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  yTicks: { value: number; y: number }[];
  xTicks: { epoch: number; x: number }[];
  referenceY: number;
  curves: PlacedCurve[];
}

export interface CurvesLayout {
  width: number;
  height: number;
  panels: PlacedPanel[];
  /** Where the shipped head switched from BCE to SPR (x in the SVG), or null. */
  switchX: number | null;
}

/** Margins: room for tick labels left, a title above and tick labels below each panel. */
const MARGIN = { left: 44, right: 14 };
const PANEL_TITLE = CURVES_FONT_PX + 16;
const PANEL_PLOT = 96;
const PANEL_AXIS = CURVES_FONT_PX + 12;
const PANEL_GAP = 8;

/** The first epoch the shipped curve trained with SPR, or null if it never did. */
export function switchEpoch(curve: readonly SprmEpoch[]): number | null {
  return curve.find((e) => e.loss === 'spr')?.epoch ?? null;
}

/** An SVG path through the points (`M x,y L x,y …`), or '' for none. */
export function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

/**
 * Places every curve at `width` CSS px: x is the epoch (1 to the last recorded), y each
 * panel's value on a domain holding every curve and the reference line, made nice.
 * @param shipped the curve whose BCE→SPR switch is marked
 */
export function layoutCurves(
  curves: TinySprmCurves,
  width: number,
  shipped: SprmLoss = 'bce_then_spr',
): CurvesLayout {
  const epochs = CURVE_LOSSES.flatMap((l) => curves[l].map((e) => e.epoch));
  const lastEpoch = Math.max(2, ...epochs);
  const x = scaleLinear()
    .domain([1, lastEpoch])
    .range([MARGIN.left, Math.max(MARGIN.left + 40, width - MARGIN.right)]);
  const xTicks = [...new Set([1, ...x.ticks(4).filter((t) => Number.isInteger(t) && t >= 1)])];
  const panels = CURVE_PANELS.map((def, i): PlacedPanel => {
    const top = i * (PANEL_TITLE + PANEL_PLOT + PANEL_AXIS + PANEL_GAP) + PANEL_TITLE;
    const bottom = top + PANEL_PLOT;
    const values = CURVE_LOSSES.flatMap((l) => curves[l].map(def.value));
    const lo = Math.min(def.reference.value, ...values);
    const hi = Math.max(def.reference.value, ...values);
    const pad = (hi - lo || 0.1) * 0.05;
    const y = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([bottom, top])
      .nice(4);
    return {
      def,
      top,
      bottom,
      left: x.range()[0] ?? MARGIN.left,
      right: x.range()[1] ?? width,
      yTicks: y.ticks(4).map((value) => ({ value, y: y(value) })),
      xTicks: xTicks.map((epoch) => ({ epoch, x: x(epoch) })),
      referenceY: y(def.reference.value),
      curves: CURVE_LOSSES.map((loss) => ({
        loss,
        points: curves[loss].map((e) => ({
          epoch: e.epoch,
          value: def.value(e),
          x: x(e.epoch),
          y: y(def.value(e)),
        })),
      })),
    };
  });
  const at = switchEpoch(curves[shipped]);
  return {
    width,
    height: CURVE_PANELS.length * (PANEL_TITLE + PANEL_PLOT + PANEL_AXIS + PANEL_GAP) - PANEL_GAP,
    panels,
    switchX: at === null ? null : x(at),
  };
}
