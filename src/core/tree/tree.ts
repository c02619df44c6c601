import type {
  BackpropEvent,
  Cost,
  DoneEvent,
  JudgeKind,
  NodeId,
  Phase,
  ScoreEvidence,
  TerminalOutcome,
} from './events';
import { ZERO_COST } from './events';

/** How a terminal node ended (`correct` is `null` exactly when `kind` is `'unknown'`). */
export type TerminalState = { answer: string } & TerminalOutcome;

/**
 * One node of the search tree as the reducer builds it. Node objects are never mutated once
 * a tree holds them: an event that changes a node replaces it, so checkpoints can share the
 * nodes that did not change and React can skip redrawing them.
 */
export interface TreeNode {
  readonly id: NodeId;
  readonly parent: NodeId | null;
  readonly depth: number;
  readonly children: readonly NodeId[];
  /** The step text (the problem statement at the root). Always shown as text, never HTML. */
  readonly text: string;
  readonly tokens: number;
  readonly logProb: number;
  readonly prior: number;
  readonly valid: boolean;
  readonly invalidReason: string | null;
  readonly inTextBacktrack: boolean;
  /** Visits. */
  readonly N: number;
  /** Sum of the values backed up through this node (Q = W / N). */
  readonly W: number;
  /** PRM step score in [0, 1], once judged. */
  readonly prm: number | null;
  readonly judge: JudgeKind | null;
  readonly evidence: ScoreEvidence | null;
  readonly terminal: TerminalState | null;
  /** Dropped by beam search. */
  readonly pruned: boolean;
  /**
   * How many setbacks resumed at this node: backtracks after a line went badly
   * (`backtracks.ts`), not every change of line.
   */
  readonly backtracks: number;
}

/** The tree at one cursor position, plus what the UI shows about the run so far. */
export interface SearchTree {
  /** Indexed by node id. The reducer owns this array; node objects are immutable. */
  nodes: TreeNode[];
  algorithm: 'mcts' | 'beam' | 'best-of-n' | null;
  /** Number of events folded in. */
  eventCount: number;
  /** MCTS iteration, beam depth or best-of-N sample of the latest event. */
  iteration: number;
  /** The latest MCTS phase event. */
  phase: Phase | null;
  /** The path of the latest selection (empty before the first). */
  selectionPath: readonly NodeId[];
  compute: Cost;
  /** Setbacks so far: backtracks after a line went badly (`backtracks.ts`). */
  backtrackCount: number;
  /** Every `backtrack` event so far: each change of line (the researcher's view). */
  lineChangeCount: number;
  /** The latest MCTS backup (what the next backtrack, if any, is judged by). */
  lastBackprop: BackpropEvent | null;
  done: DoneEvent | null;
}

/** An empty tree: no root until the `start` event. */
export function emptyTree(): SearchTree {
  return {
    nodes: [],
    algorithm: null,
    eventCount: 0,
    iteration: 0,
    phase: null,
    selectionPath: [],
    compute: ZERO_COST,
    backtrackCount: 0,
    lineChangeCount: 0,
    lastBackprop: null,
    done: null,
  };
}

/** A copy that shares node objects: O(nodes) pointer copies, no node copies. */
export function cloneTree(tree: SearchTree): SearchTree {
  return { ...tree, nodes: tree.nodes.slice() };
}

/** Q = W / N, or 0 for an unvisited node. */
export function q(node: Pick<TreeNode, 'N' | 'W'>): number {
  return node.N > 0 ? node.W / node.N : 0;
}

/** The ids from the root down to `id`. */
export function pathTo(tree: SearchTree, id: NodeId): NodeId[] {
  const path: NodeId[] = [];
  for (let cur: NodeId | null = id; cur !== null; cur = tree.nodes[cur]?.parent ?? null) {
    path.push(cur);
  }
  return path.reverse();
}

/** A reducer input the tree cannot take (an imported or corrupted run). */
export class TraceError extends Error {
  constructor(
    readonly eventIndex: number,
    message: string,
  ) {
    super(`event ${eventIndex}: ${message}`);
    this.name = 'TraceError';
  }
}

/**
 * A verdict in one word or phrase: a known answer is "correct" or "wrong"; an answer from a
 * file that saved no verdict (`correct` null) is "correctness unknown" — neither solved nor
 * wrong.
 * @example verdictWords(null) // 'correctness unknown'
 */
export function verdictWords(correct: boolean | null): 'correct' | 'wrong' | 'correctness unknown' {
  return correct === null ? 'correctness unknown' : correct ? 'correct' : 'wrong';
}
