import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { CardBook } from '../../layout/card';
import type { NodeIndex } from '../../lab/sameNode';
import { counterparts, sharedCount, sharedPrefix } from '../../lab/sameNode';
import type { DrawnTree } from './compareLayout';
import { drawTree } from './compareLayout';
import type { CompareFocus, FoldedRun, Side, SideSummary } from './compareModel';
import { answerPath, otherSide, summarize } from './compareModel';
import type { PathShown } from './ComparePath';
import type { SideMatch } from './compareWords';
import { matchWords } from './compareWords';

/**
 * From the two folded runs and the node pointed at to what each side draws: which nodes
 * are ringed, what each side's status line says, and which line shows under the trees.
 * Pure, so the highlighting is tested without a DOM.
 */

/** Both sides, by side. */
export type Both<T> = Record<Side, T>;

/** A drawable side: its tree, index, cards, layout and header numbers. */
export interface ReadySide {
  tree: SearchTree;
  cards: CardBook;
  index: NodeIndex;
  drawn: DrawnTree;
  summary: SideSummary;
  answerLine: ReadonlySet<NodeId>;
  /** Nodes of this run the other run has too (same steps from the root). */
  shared: number;
}

/** A side that cannot be drawn, and why. */
export interface BrokenSide {
  error: string;
}

/** The nodes to keep drawn on `side` whatever the folding: its answer's line, the selection. */
export function pinsFor(
  side: Side,
  selected: CompareFocus | null,
  runs: Both<FoldedRun>,
): NodeId[] {
  const run = runs[side];
  if (!run.tree) return [];
  const pins = answerPath(run.tree);
  if (selected) {
    const from = runs[selected.side];
    if (selected.side === side) pins.push(selected.id);
    else if (from.index) pins.push(...counterparts(from.index, selected.id, run.index));
  }
  return pins;
}

/**
 * One side ready to draw, or why not.
 * @param cards the run's card titles (`createCardBook` with its task's short step form)
 */
export function readySide(
  run: FoldedRun,
  other: FoldedRun,
  pins: readonly NodeId[],
  cards: CardBook,
): ReadySide | BrokenSide {
  if (!run.tree) return { error: run.error };
  return {
    tree: run.tree,
    cards,
    index: run.index,
    drawn: drawTree(run.tree, pins, cards),
    summary: summarize(run.tree),
    answerLine: new Set(answerPath(run.tree)),
    shared: other.index ? sharedCount(run.index, other.index) : 0,
  };
}

/** What the view shows for the node pointed at. */
export interface Highlight {
  /** Ringed nodes per side (drawn or not). */
  lit: Both<ReadonlySet<NodeId>>;
  /** Each side's status line, or null when nothing is highlighted. */
  status: Both<string | null>;
  /** The line shown under the trees. */
  path: PathShown | null;
}

const NOTHING: Highlight = {
  lit: { left: new Set(), right: new Set() },
  status: { left: null, right: null },
  path: null,
};

/**
 * What to highlight for the node `active` (hovered, focused or selected): every node of
 * either run with the same steps from the root, the status of each side, and its line.
 * @param titles each run's title, for the words under the trees
 */
export function highlightFor(
  active: CompareFocus | null,
  sides: Both<ReadySide | BrokenSide>,
  titles: Both<string>,
): Highlight {
  if (!active) return NOTHING;
  const here = sides[active.side];
  if ('error' in here || !here.tree.nodes[active.id]) return NOTHING;
  const there = sides[otherSide(active.side)];
  const length = (here.tree.nodes[active.id]?.depth ?? 0) + 1;

  const matchOn = (side: ReadySide): SideMatch => {
    const ids = counterparts(here.index, active.id, side.index);
    return {
      source: side === here,
      matches: ids.length,
      drawn: ids.filter((id) => side.drawn.layout.byId.has(id)).length,
      shared: sharedPrefix(here.tree, here.index, active.id, side.index),
      length,
    };
  };
  const lit = (side: ReadySide | BrokenSide): ReadonlySet<NodeId> =>
    'error' in side ? new Set() : new Set(counterparts(here.index, active.id, side.index));
  const status = (side: ReadySide | BrokenSide): string | null =>
    'error' in side ? null : matchWords(matchOn(side));

  const shared = 'error' in there ? 0 : sharedPrefix(here.tree, here.index, active.id, there.index);
  return {
    lit: {
      left: lit(sides.left),
      right: lit(sides.right),
    },
    status: { left: status(sides.left), right: status(sides.right) },
    path: {
      tree: here.tree,
      id: active.id,
      title: titles[active.side],
      otherTitle: titles[otherSide(active.side)],
      shared,
    },
  };
}

/** The first of `ids` drawn on `side`, or null. */
export function firstDrawn(
  side: Side,
  sides: Both<ReadySide | BrokenSide>,
  ids: ReadonlySet<NodeId>,
): NodeId | null {
  const run = sides[side];
  if ('error' in run) return null;
  for (const id of ids) if (run.drawn.layout.byId.has(id)) return id;
  return null;
}

/**
 * The node of `side` that takes Tab: the pointed-at node when it is on this side, else its
 * first drawn counterpart, else the root.
 */
export function tabStopFor(
  side: Side,
  active: CompareFocus | null,
  sides: Both<ReadySide | BrokenSide>,
  lit: ReadonlySet<NodeId>,
): NodeId {
  const run = sides[side];
  if ('error' in run) return 0;
  if (active?.side === side && run.drawn.layout.byId.has(active.id)) return active.id;
  return firstDrawn(side, sides, lit) ?? 0;
}

/**
 * The node each side scrolls into view after a selection: the selected node's first drawn
 * counterpart on the other side (the selected node itself is already in view).
 */
export function revealFor(
  selected: CompareFocus | null,
  sides: Both<ReadySide | BrokenSide>,
  lit: Both<ReadonlySet<NodeId>>,
): Both<NodeId | null> {
  const on = (side: Side) =>
    selected && selected.side !== side ? firstDrawn(side, sides, lit[side]) : null;
  return { left: on('left'), right: on('right') };
}
