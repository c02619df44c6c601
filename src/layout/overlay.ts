import type { NodeId, TraceEvent } from '../core/tree/events';
import type { SearchTree } from '../core/tree/tree';
import { CARD } from './card';
import type { Point, TreeLayout } from './tidyTree';
import type { UcbFormula } from './ucbFormula';
import { ucbFormula } from './ucbFormula';

/**
 * The geometry of the phase overlay for the event at the cursor: where the UCB labels of a
 * selection go, the ghost steps of a rollout, the stops of a backpropagation, the scores of a
 * prune. Pure numbers; the components draw them. Nodes that are not drawn (folded away) get
 * no overlay.
 */

/** A candidate's UCB value on the edge from its parent, at one level of the descent. */
export interface UcbLabel {
  parent: NodeId;
  child: NodeId;
  /** 0 for the root's children. */
  level: number;
  at: Point;
  /** The UCB total, "∞" for an unvisited child. */
  text: string;
  /** The score with its numbers plugged in. */
  formula: UcbFormula;
  /** The width the label may take without reaching a neighbour's: its card and a gap. */
  room: number;
  winner: boolean;
}

/** A rollout step drawn below the simulated node (rollout steps are not tree nodes). */
export interface GhostStep {
  at: Point;
  text: string;
}

/** A node on the backpropagation path, with N and Q before and after the update. */
export interface BackpropStop {
  id: NodeId;
  /** The node's centre. */
  at: Point;
  /** Its card's width: the update is written inside the card, over its N and Q. */
  w: number;
  before: { N: number; Q: number };
  after: { N: number; Q: number };
}

/** A score written below a node. */
export interface NodeLabel {
  id: NodeId;
  at: Point;
  text: string;
  /** Good news (kept by the beam, a solved line) or bad (dropped, wrong). */
  tone: 'good' | 'bad' | 'plain';
  /** A tooltip that explains the number (a sample's GRPO advantage). */
  title?: string;
}

/** What the overlay draws for one event. */
export type Overlay =
  | { kind: 'select'; path: NodeId[]; labels: UcbLabel[]; levels: number }
  | { kind: 'expand'; node: NodeId; children: NodeId[]; skipped: string | null }
  | { kind: 'simulate'; from: NodeId; origin: Point; ghosts: GhostStep[]; caption: string }
  | { kind: 'backprop'; value: number; stops: BackpropStop[] }
  | { kind: 'marks'; ids: NodeId[]; labels: NodeLabel[] };

/** Ghost rollout steps are this share of a depth apart. */
export const GHOST_SPACING = 0.6;
/** Labels below a node sit this far under its centre: in the gap under its card. */
export const LABEL_BELOW = CARD.height / 2 + 14;
/** A second label below a node (the answer under a best-of-N score). */
export const LABEL_BELOW_2 = LABEL_BELOW + 22;
/** A UCB label sits this far above its candidate's centre: in the gap above the card. */
export const UCB_ABOVE = CARD.height / 2 + CARD.gapY / 2;

/** A UCB value as the overlay writes it: "∞" for +∞ (null in the trace). */
export function formatUcb(total: number | null): string {
  return total === null ? '∞' : total.toFixed(2);
}

const below = (p: Point): Point => ({ x: p.x, y: p.y + LABEL_BELOW });

function selectOverlay(e: Extract<TraceEvent, { type: 'select' }>, layout: TreeLayout): Overlay {
  const labels: UcbLabel[] = [];
  e.levels.forEach((level, i) => {
    const parent = layout.byId.get(level.parent);
    if (!parent) return;
    for (const c of level.candidates) {
      const child = layout.byId.get(c.id);
      if (!child) continue;
      labels.push({
        parent: level.parent,
        child: c.id,
        level: i,
        at: { x: child.x, y: child.y - UCB_ABOVE },
        text: formatUcb(c.total),
        formula: ucbFormula(c, e.rule, e.c, level.parentN),
        room: child.w + CARD.gapX - 4,
        winner: c.id === level.winner,
      });
    }
  });
  return {
    kind: 'select',
    path: e.path.filter((id) => layout.byId.has(id)),
    labels,
    levels: e.levels.length,
  };
}

function simulateOverlay(
  e: Extract<TraceEvent, { type: 'simulate' }>,
  origin: Point,
  dy: number,
): Overlay {
  const ghosts = e.steps.map((text, i) => ({
    at: { x: origin.x, y: origin.y + (i + 1) * GHOST_SPACING * dy },
    text,
  }));
  const reward = e.reward.toFixed(2);
  const caption =
    e.mode === 'rollout'
      ? `${e.answer === null ? 'no answer' : `answer ${e.answer}`} · reward ${reward}`
      : e.mode === 'prm'
        ? `value = PRM ${reward}`
        : `known reward ${reward}`;
  return { kind: 'simulate', from: e.from, origin, ghosts, caption };
}

function backpropOverlay(
  e: Extract<TraceEvent, { type: 'backprop' }>,
  layout: TreeLayout,
): Overlay {
  const stops: BackpropStop[] = [];
  for (const u of e.updates) {
    const at = layout.byId.get(u.id);
    if (!at) continue;
    const N0 = u.N - 1;
    stops.push({
      id: u.id,
      at: { x: at.x, y: at.y },
      w: at.w,
      before: { N: N0, Q: N0 > 0 ? (u.W - e.value) / N0 : 0 },
      after: { N: u.N, Q: u.N > 0 ? u.W / u.N : 0 },
    });
  }
  return { kind: 'backprop', value: e.value, stops };
}

function marks(ids: NodeId[], labels: (NodeLabel | null)[]): Overlay {
  return { kind: 'marks', ids, labels: labels.filter((l): l is NodeLabel => l !== null) };
}

/**
 * The overlay for `event` (the event at the cursor, `trace.all[cursor - 1]`), or null when it
 * has nothing to draw or its nodes are not drawn.
 */
export function phaseOverlay(
  event: TraceEvent | undefined,
  layout: TreeLayout,
  tree: SearchTree,
): Overlay | null {
  if (!event) return null;
  const at = (id: NodeId | null): Point | null =>
    id === null ? null : (layout.byId.get(id) ?? null);
  const label = (id: NodeId, text: string, tone: NodeLabel['tone']): NodeLabel | null => {
    const p = at(id);
    return p ? { id, at: below(p), text, tone } : null;
  };
  switch (event.type) {
    case 'select':
      return selectOverlay(event, layout);
    case 'expand':
      if (!at(event.node)) return null;
      return {
        kind: 'expand',
        node: event.node,
        children: event.children.map((c) => c.id).filter((id) => layout.byId.has(id)),
        skipped: event.skipped ?? null,
      };
    case 'simulate': {
      const origin = at(event.from);
      return origin ? simulateOverlay(event, { x: origin.x, y: origin.y }, layout.dy) : null;
    }
    case 'backprop':
      return backpropOverlay(event, layout);
    case 'prune':
      return marks(
        [...event.kept, ...event.dropped].map((d) => d.id),
        [
          ...event.kept.map((d) => label(d.id, d.score.toFixed(2), 'good')),
          ...event.dropped.map((d) => label(d.id, `✗ ${d.score.toFixed(2)}`, 'bad')),
        ],
      );
    case 'score':
      return marks([event.node], [label(event.node, `PRM ${event.score.toFixed(2)}`, 'plain')]);
    case 'terminal':
      return marks(
        [event.node],
        [
          event.kind === 'unknown'
            ? label(
                event.node,
                `${event.answer === '' ? 'ends' : `= ${event.answer}`} · correctness unknown`,
                'plain',
              )
            : label(
                event.node,
                event.kind === 'invalid-step' ? 'invalid step' : `= ${event.answer}`,
                event.correct ? 'good' : 'bad',
              ),
        ],
      );
    case 'backtrack':
      return marks([event.at, event.abandoned], [label(event.at, 'backtrack to here', 'plain')]);
    case 'done': {
      // Below where a best-of-N sample's score is written, so the two do not overlap.
      const p = event.node === null || !tree.nodes[event.node] ? null : at(event.node);
      if (event.node === null || !p) return null;
      const text = `answer ${event.answer ?? '—'}`;
      const tone = event.correct ? 'good' : 'bad';
      return marks(
        [event.node],
        [{ id: event.node, at: { x: p.x, y: p.y + LABEL_BELOW_2 }, text, tone }],
      );
    }
    default:
      return null;
  }
}
