import type { TraceEvent } from '../core/tree/events';
import type { SearchTree, TreeNode } from '../core/tree/tree';
import { pathTo, q } from '../core/tree/tree';

/** Visits of the root (0 before the run starts). */
export function rootN(tree: SearchTree): number {
  return tree.nodes[0]?.N ?? 0;
}

/** An answer the run has reached: the final one once `done`, else the best terminal so far. */
export interface AnswerView {
  answer: string;
  /** Null when the run's file does not say whether the answer is right. */
  correct: boolean | null;
  node: number | null;
  /** True once the search has returned it (the `done` event). */
  final: boolean;
}

/**
 * The answer to show: the search's own once it is done; before that, among terminal nodes
 * with an answer, the one with the highest Q (then most visits, then earliest).
 */
export function answerSoFar(tree: SearchTree): AnswerView | null {
  if (tree.done) {
    const { answer, correct, node } = tree.done;
    return answer === null ? null : { answer, correct, node, final: true };
  }
  let best: TreeNode | null = null;
  for (const n of tree.nodes) {
    if (!n.terminal || n.terminal.answer === '') continue;
    if (best === null || q(n) > q(best) || (q(n) === q(best) && n.N > best.N)) best = n;
  }
  if (!best?.terminal) return null;
  return {
    answer: best.terminal.answer,
    correct: best.terminal.correct,
    node: best.id,
    final: false,
  };
}

/** The type of the last event applied, or null at cursor 0. */
export function lastEventType(events: readonly TraceEvent[], cursor: number): string | null {
  return cursor > 0 ? (events[cursor - 1]?.type ?? null) : null;
}

/** The nodes of the path to show: the answer's path once done, else the latest selection. */
export function focusPath(tree: SearchTree): readonly number[] {
  const id = tree.done?.node;
  if (id === undefined || id === null) return tree.selectionPath;
  return pathTo(tree, id);
}
