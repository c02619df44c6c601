import type { TerminalKind } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import { TERMINAL_MARK, nodeRadius, terminalColor } from './encodings';
import type { Palette } from './palette';

/**
 * What the legend explains, as data: the on-screen legend (TreeLegend) and the exported SVG
 * and PNG draw the same items from it, each swatch in a 24 × 16 box centred on (12, 8).
 */

/** A legend swatch: one small drawing. */
export type Swatch =
  | { kind: 'gradient'; stops: readonly string[] }
  | {
      kind: 'circle';
      r: number;
      fill: string;
      stroke: string;
      dashed?: boolean;
      opacity?: number;
      ring?: string;
    }
  | { kind: 'glyph'; glyph: string; color: string }
  | { kind: 'diamond'; color: string; hollow: boolean }
  | { kind: 'line'; color: string; width: number; dashed?: boolean }
  | { kind: 'pill'; text: string; fill: string; color: string; dashed?: boolean }
  /** A small card: its PRM band, its outline, and a ring when selected. */
  | {
      kind: 'card';
      stripe: string;
      fill: string;
      stroke: string;
      dashed?: boolean;
      opacity?: number;
      ring?: string;
    }
  | { kind: 'triangle'; color: string };

/** One legend entry. */
export interface LegendItem {
  swatch: Swatch;
  label: string;
}

/** The kinds of end a legend lists: "correctness unknown" only where the tree has one. */
function endKinds(unknownEnds: boolean): readonly TerminalKind[] {
  const known = ['solved', 'wrong-answer', 'invalid-step'] as const;
  return unknownEnds ? [...known, 'unknown'] : known;
}

/** Whether some node of the tree ends a line whose correctness the file does not say. */
export function hasUnknownEnds(tree: SearchTree): boolean {
  return tree.nodes.some((n) => n.terminal?.kind === 'unknown');
}

/**
 * The legend of the tree in a palette, for an algorithm: only what that algorithm draws
 * (edge width by visits and rollouts are MCTS's; pruning is beam search's), and the
 * "correctness unknown" mark only when `unknownEnds`.
 */
export function legendItems(
  p: Palette,
  algorithm: SearchTree['algorithm'] = 'mcts',
  unknownEnds = false,
): LegendItem[] {
  const card = { stripe: p.prm[2], fill: p.card, stroke: p.muted };
  const mcts = algorithm === 'mcts' || algorithm === null;
  const items: (LegendItem | false)[] = [
    { swatch: { kind: 'gradient', stops: p.prm }, label: 'PRM step score 0 → 1 (card edge)' },
    mcts && { swatch: { kind: 'line', color: p.link, width: 4 }, label: 'edge width = visits' },
    {
      swatch: { kind: 'line', color: p.path, width: 3 },
      label: mcts ? 'current path (the answer’s once done)' : 'the answer’s path',
    },
    ...endKinds(unknownEnds).map((kind) => ({
      swatch: {
        kind: 'glyph' as const,
        glyph: TERMINAL_MARK[kind].glyph,
        color: terminalColor(kind, p),
      },
      label:
        kind === 'invalid-step' ? 'invalid step (dashed, with why)' : TERMINAL_MARK[kind].words,
    })),
    algorithm === 'beam' && {
      swatch: { kind: 'card', ...card, opacity: 0.55 },
      label: 'faded = pruned',
    },
    {
      swatch: { kind: 'triangle', color: p.disagree },
      label: 'PRM disagrees with the truth',
    },
    mcts && {
      swatch: { kind: 'diamond', color: p.backtrack, hollow: false },
      label: 'backtracking point',
    },
    {
      swatch: { kind: 'diamond', color: p.backtrack, hollow: true },
      label: 'step corrects itself (“Wait…”)',
    },
    { swatch: { kind: 'card', ...card, ring: p.selected }, label: 'selected' },
    {
      swatch: { kind: 'pill', text: '+12', fill: p.badgeBg, color: p.badgeText },
      label: 'folded',
    },
    {
      swatch: { kind: 'pill', text: '+N', fill: p.labelBg, color: p.muted, dashed: true },
      label: 'more children',
    },
    mcts && {
      swatch: { kind: 'line', color: p.ghost, width: 1.5, dashed: true },
      label: 'rollout (not tree nodes)',
    },
  ];
  return items.filter((i): i is LegendItem => i !== false);
}
/** The legend of trees drawn as dots (the compare view): size by visits, fill by PRM. */
export function dotLegendItems(p: Palette): LegendItem[] {
  const dot = { fill: p.prm[2], stroke: p.nodeStroke };
  return [
    { swatch: { kind: 'gradient', stops: p.prm }, label: 'PRM step score 0 → 1' },
    {
      swatch: { kind: 'circle', r: 5, fill: p.unscored, stroke: p.nodeStroke },
      label: 'not scored',
    },
    { swatch: { kind: 'circle', r: nodeRadius(7) - 1, ...dot }, label: 'size = log visits' },
    { swatch: { kind: 'line', color: p.link, width: 4 }, label: 'edge width = visits' },
    {
      swatch: { kind: 'line', color: p.path, width: 3 },
      label: 'current path (the answer’s once done)',
    },
    ...(['solved', 'wrong-answer', 'invalid-step'] as const).map((kind) => ({
      swatch: {
        kind: 'glyph' as const,
        glyph: TERMINAL_MARK[kind].glyph,
        color: terminalColor(kind, p),
      },
      label: TERMINAL_MARK[kind].words,
    })),
    { swatch: { kind: 'circle', r: 6, ...dot, dashed: true }, label: 'dashed = invalid step' },
    { swatch: { kind: 'circle', r: 6, ...dot, opacity: 0.3 }, label: 'faded = pruned' },
    {
      swatch: { kind: 'diamond', color: p.backtrack, hollow: false },
      label: 'backtracking point (search went back up to here)',
    },
    {
      swatch: { kind: 'diamond', color: p.backtrack, hollow: true },
      label: 'step corrects itself (“Wait…”)',
    },
    { swatch: { kind: 'circle', r: 4, ...dot, ring: p.selected }, label: 'selected' },
    {
      swatch: { kind: 'pill', text: '+12', fill: p.badgeBg, color: p.badgeText },
      label: 'collapsed: nodes hidden',
    },
    {
      swatch: { kind: 'pill', text: '+N', fill: p.labelBg, color: p.muted, dashed: true },
      label: 'more children (fewer visits)',
    },
    {
      swatch: { kind: 'line', color: p.ghost, width: 1.5, dashed: true },
      label: 'rollout (not tree nodes)',
    },
    {
      swatch: { kind: 'circle', r: 5, fill: 'none', stroke: p.ghost, dashed: true },
      label: 'step the model is writing',
    },
  ];
}
