import type { NodeId, TraceEvent } from '../../core/tree/events';
import { reduce } from '../../core/tree/reduce';
import type { SearchTree } from '../../core/tree/tree';
import { pathTo } from '../../core/tree/tree';
import type { NodeIndex } from '../../lab/sameNode';
import { indexTree } from '../../lab/sameNode';
import { answerSoFar } from '../../store/selectors';

/**
 * What the compare view knows about each run, worked out once per run: its final tree (the
 * events folded by the one reducer), its nodes indexed by path of step texts, and the
 * numbers its header shows. Pure, so it is tested without a DOM.
 */

/** The two sides of the comparison. */
export type Side = 'left' | 'right';

/** The other side. */
export const otherSide = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** A node of one side: what is hovered, focused or selected. */
export interface CompareFocus {
  side: Side;
  id: NodeId;
}

/** A run folded into its final tree, or why it could not be. */
export type FoldedRun =
  { tree: SearchTree; index: NodeIndex; error: null } | { tree: null; index: null; error: string };

/**
 * Folds a run's events into its final tree. A run that does not fold (no events, a corrupt
 * or truncated file) gives its reason instead of throwing, so one bad side does not take
 * the comparison down.
 */
export function foldRun(events: readonly TraceEvent[]): FoldedRun {
  if (events.length === 0) return { tree: null, index: null, error: 'This run has no events.' };
  try {
    const tree = reduce(events);
    return { tree, index: indexTree(tree), error: null };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { tree: null, index: null, error: `This run could not be read: ${why}.` };
  }
}

/** The numbers a side's header shows. */
export interface SideSummary {
  algorithm: SearchTree['algorithm'];
  /** The search's answer once done, else the best terminal answer so far; null when none. */
  answer: string | null;
  correct: boolean | null;
  /** True when the run ended with `done`. */
  finished: boolean;
  generated: number;
  prefilled: number;
  proposerCalls: number;
  judgeCalls: number;
  /** Proposer plus judge calls: the model calls the lab plots. */
  calls: number;
  nodes: number;
}

/** The header numbers of a folded tree. */
export function summarize(tree: SearchTree): SideSummary {
  const answer = answerSoFar(tree);
  const { generated, prefilled, proposerCalls, judgeCalls } = tree.compute;
  return {
    algorithm: tree.algorithm,
    answer: answer?.answer ?? null,
    correct: answer ? answer.correct : null,
    finished: tree.done !== null,
    generated,
    prefilled,
    proposerCalls,
    judgeCalls,
    calls: proposerCalls + judgeCalls,
    nodes: tree.nodes.length,
  };
}

/** The answer's line (root to answer node), empty when the run picked no node. */
export function answerPath(tree: SearchTree): NodeId[] {
  const id = tree.done?.node;
  return id === undefined || id === null ? [] : pathTo(tree, id);
}

/** Words for the search algorithm. */
export const ALGORITHM_WORDS = {
  mcts: 'MCTS',
  beam: 'Beam search',
  'best-of-n': 'Best-of-N',
} as const;

/** What a key does in the compare view (Enter / Space select, Escape clears; else none). */
export type CompareKeyAction = 'select' | 'clear' | null;

/** The action of a key in the compare view; the arrows are `keyNav`'s moves. */
export function compareKeyAction(key: string): CompareKeyAction {
  if (key === 'Enter' || key === ' ' || key === 'Spacebar') return 'select';
  if (key === 'Escape' || key === 'Esc') return 'clear';
  return null;
}
