import { interpolateRgb, piecewise } from 'd3-interpolate';
import type { TreeNode } from '../../core/tree/tree';
import { CARD, STUB_WIDTH } from '../../layout/card';
import type { Palette } from './palette';

/**
 * The visual encodings of the tree, in one place so the legend, the SVG, the canvas and the
 * exported files agree. d3 computes (colour, size); React or the canvas draws.
 */

const scales = new WeakMap<Palette, (t: number) => string>();

/**
 * Fill for a PRM step score in [0, 1] (clamped); the palette's grey when not scored (or not a
 * number). The colour runs red → yellow → green through the palette's three stops in RGB, the
 * same colours d3-scale's `scaleDiverging([0, 0.5, 1], stops)` gives (checked at every 0.001),
 * from d3-interpolate alone: d3-scale, with d3-format and d3-array, stays out of the first paint.
 */
export function prmFill(score: number | null, palette: Palette): string {
  if (score === null || Number.isNaN(score)) return palette.unscored;
  let scale = scales.get(palette);
  if (!scale) {
    scale = piecewise(interpolateRgb, [...palette.prm]);
    scales.set(palette, scale);
  }
  return scale(Math.min(1, Math.max(0, score)));
}

/** Largest node radius, so a heavily visited root does not cover its children. */
export const MAX_RADIUS = 16;

/** Node radius grows with log visits: 5 when unvisited, about 14 at 30 visits. */
export function nodeRadius(visits: number): number {
  return Math.min(MAX_RADIUS, 5 + 2 * Math.log2(1 + Math.max(0, visits)));
}

/** Edge width grows with the child's log visits: 1 unvisited, 4 at 7 visits, at most 7. */
export function edgeWidth(visits: number): number {
  return Math.min(7, 1 + Math.log2(1 + Math.max(0, visits)));
}

/** How a terminal node ended: its glyph and the words the tooltip and legend use. */
export const TERMINAL_MARK = {
  solved: { glyph: '✓', words: 'solved' },
  'wrong-answer': { glyph: '✗', words: 'wrong answer' },
  'invalid-step': { glyph: '⊘', words: 'invalid step' },
  unknown: { glyph: '?', words: 'correctness unknown' },
} as const;

/** The colour of a terminal glyph. */
export function terminalColor(kind: keyof typeof TERMINAL_MARK, palette: Palette): string {
  return kind === 'solved'
    ? palette.solved
    : kind === 'wrong-answer'
      ? palette.wrong
      : kind === 'unknown'
        ? palette.unknown
        : palette.invalid;
}

/** Opacity of a node or edge the beam pruned. */
export const PRUNED_OPACITY = 0.3;

/** Everything needed to draw one node, the same in SVG, on a canvas and in an export. */
export interface NodeLook {
  r: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** An invalid step is outlined with a dash. */
  dashed: boolean;
  opacity: number;
  glyph: string | null;
  glyphColor: string;
  /** The search backtracked to this node. */
  backtrack: boolean;
  /** The step text corrects itself ("Wait", "Let me re-check"). */
  selfCorrect: boolean;
}

/** How a node looks. */
export function nodeLook(node: TreeNode, onPath: boolean, palette: Palette): NodeLook {
  const t = node.terminal;
  return {
    r: nodeRadius(node.N),
    fill: prmFill(node.prm, palette),
    stroke: onPath ? palette.path : palette.nodeStroke,
    strokeWidth: onPath ? 3 : 1.25,
    dashed: !node.valid,
    opacity: node.pruned ? PRUNED_OPACITY : 1,
    glyph: t ? TERMINAL_MARK[t.kind].glyph : null,
    glyphColor: t ? terminalColor(t.kind, palette) : palette.text,
    backtrack: node.backtracks > 0,
    selfCorrect: node.inTextBacktrack,
  };
}

/** Everything needed to draw one node's card, the same in SVG, on a canvas and in an export. */
export interface CardLook {
  fill: string;
  /** The PRM colour, a band down the card's left edge (the whole card far out). */
  stripe: string;
  stroke: string;
  strokeWidth: number;
  dashed: boolean;
  opacity: number;
  /** The colour of the outcome text (✓, ✗, ?, ⊘). */
  outcomeColor: string;
  backtrack: boolean;
  selfCorrect: boolean;
  /** The PRM score disagrees with the truth here. */
  disagree: boolean;
}

/** Width of the PRM band at a card's left edge. */
export const STRIPE = 6;

/** How a node's card looks: outlined by its outcome, or in the path colour on the path. */
export function cardLook(
  node: TreeNode,
  onPath: boolean,
  palette: Palette,
  disagree: boolean,
): CardLook {
  const t = node.terminal;
  const ended = t ? terminalColor(t.kind, palette) : null;
  return {
    fill: palette.card,
    stripe: prmFill(node.prm, palette),
    stroke: onPath ? palette.path : (ended ?? palette.muted),
    strokeWidth: onPath ? 3 : ended ? 2 : 1.25,
    dashed: !node.valid,
    opacity: node.pruned ? PRUNED_OPACITY + 0.25 : 1,
    outcomeColor: ended ?? palette.invalid,
    backtrack: node.backtracks > 0,
    selfCorrect: node.inTextBacktrack,
    disagree,
  };
}

/** Where a card's corner markers sit: backtracking top left, self-correction top right, the
 * PRM-disagreement mark bottom left (centres and half-sizes); the fold button takes the bottom
 * right. */
export function cardMarkers(w: number, h: number) {
  return {
    backtrack: { x: -w / 2, y: -h / 2, size: 6 },
    selfCorrect: { x: w / 2, y: -h / 2, size: 5.5 },
    disagree: { x: -w / 2, y: h / 2, size: 7 },
  };
}

/** How the edge into a node looks: width by visits, the path colour on the current path. */
export function linkLook(
  child: TreeNode,
  onPath: boolean,
  palette: Palette,
): { width: number; color: string; opacity: number } {
  return {
    width: edgeWidth(child.N) + (onPath ? 1 : 0),
    color: onPath ? palette.path : palette.link,
    opacity: child.pruned ? PRUNED_OPACITY : 1,
  };
}

/** The backtracking marker: a diamond at the node's upper left (centre and half-size). */
export function backtrackMarker(r: number): { x: number; y: number; size: number } {
  return { x: -(r + 4), y: -(r - 1), size: 4.5 };
}

/** The self-correction marker: a hollow diamond at the node's upper right. */
export function selfCorrectMarker(r: number): { x: number; y: number; size: number } {
  return { x: r + 4, y: -(r - 1), size: 4 };
}

/** The font family of cards and labels: the one text is measured in ({@link textWidth}). */
export const CARD_FONT = 'ui-sans-serif, system-ui, sans-serif';

let measurer: CanvasRenderingContext2D | null | undefined;

/** The width of `text` in the page's sans-serif at `fontSize` (an estimate without a DOM). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  if (measurer === undefined) {
    measurer =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (!measurer) return [...text].length * fontSize * 0.58;
  measurer.font = `${bold ? 700 : 500} ${fontSize}px ${CARD_FONT}`;
  return measurer.measureText(text).width;
}

/** A pill-shaped label's size for `text` at `fontSize`. */
export function pillSize(
  text: string,
  fontSize: number,
  bold = false,
): { width: number; height: number } {
  return { width: 10 + textWidth(text, fontSize, bold), height: fontSize + 5 };
}

/** Where a collapsed node's "+N" badge sits: just below the node. */
export function badgeCentre(r: number): { x: number; y: number } {
  return { x: 0, y: r + 9 };
}

/** Font size of badges and stubs. */
export const BADGE_FONT = 10;

/** The text of a "+N more" stub. */
export function stubText(hidden: number): string {
  return `+${hidden} more`;
}

/** The largest a stub is drawn (for hit tests). */
export const STUB_HALF = { halfWidth: 30, halfHeight: 9 };

/** The fold button drawn at the selected node's lower right (centre and radius). */
export function foldButton(r: number): { x: number; y: number; r: number } {
  return { x: r * 0.75 + 6, y: r * 0.75 + 6, r: 6.5 };
}

/** Where a folded card's "+N" badge sits: centred just below the card. */
export function cardBadgeCentre(): { x: number; y: number } {
  return { x: 0, y: CARD.height / 2 + (BADGE_FONT + 5) / 2 + 3 };
}

/** The fold button of the selected card: on its lower right corner. */
export function cardFoldButton(w: number): { x: number; y: number; r: number } {
  return { x: w / 2, y: CARD.height / 2, r: 8 };
}

/** Half the size of a "+N more" stub beside cards (for hit tests). */
export const CARD_STUB_HALF = { halfWidth: STUB_WIDTH / 2, halfHeight: CARD.height / 4 };

/** A card's box grown by `extra` on every side, in layout units. */
export function cardBox(
  p: { x: number; y: number; w: number },
  extra = 0,
): { x: number; y: number; width: number; height: number } {
  return {
    x: p.x - p.w / 2 - extra,
    y: p.y - CARD.height / 2 - extra,
    width: p.w + 2 * extra,
    height: CARD.height + 2 * extra,
  };
}
