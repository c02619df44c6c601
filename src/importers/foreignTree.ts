import type { Algorithm } from '../core/search/settings';
import type { ScoreEvidence, TraceEvent } from '../core/tree/events';
import { ZERO_COST } from '../core/tree/events';
import { MAX_DEPTH, MAX_NODES } from './limits';

/**
 * A tree read from another tool, before it becomes Arbor events: nodes in any order, each
 * naming its parent by index. The converters only read their format into this shape; the
 * checks that make it a tree (one root, no cycles, bounded size and depth) live here, once.
 */
export interface ForeignNode {
  /** Index of the parent in the node list; `null` for the root. */
  parent: number | null;
  /** Where the node sits in the file, for error messages (`logs.0.nodes.3`, `0.1.2`). */
  where: string;
  /** The step text (the problem at the root). */
  text: string;
  /** Prior among siblings, when the tool saved one. */
  prior?: number;
  /** Visits. */
  N: number;
  /** Mean value; W = Q · N. */
  Q: number;
  /** A PRM step score in [0, 1], when the tool saved one. */
  prm?: number;
  /**
   * The line ends here: with a final answer ('' when the file gives none Arbor can read) and
   * whether it is right — `null` when the file marks the end but lets Arbor tell nothing of
   * its correctness (no reference answer to compare with: "correctness unknown"); or with a
   * failure the tool names instead of an answer (`failed`: shown as an invalid step, why).
   */
  end?: { answer: string; correct: boolean | null } | { failed: string };
}

export type TreeEvents = { ok: true; events: TraceEvent[] } | { ok: false; error: string };

/** The tools whose trees are imported (a run source's kind). */
export type ForeignTool = Extract<ScoreEvidence, { judge: 'imported' }>['tool'];

/** Children lists, or an error for a parent link that points nowhere or at itself. */
function childLists(nodes: readonly ForeignNode[]): number[][] | string {
  const children: number[][] = nodes.map(() => []);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as ForeignNode;
    if (node.parent === null) continue;
    if (node.parent === i) return `${node.where}: the node is its own parent`;
    const list = children[node.parent];
    if (!list) return `${node.where}: its parent is not in the file`;
    list.push(i);
  }
  return children;
}

/**
 * Turns a foreign tree into events the reducer accepts: `start`, one `expand` per parent in
 * breadth-first order (so child ids are dense, as the reducer requires), a `terminal` per
 * node the file marks as an end (solved, wrong, correctness unknown, or a named failure as an
 * invalid step), a `score` per PRM value, and one `backprop` that
 * sets every node's N and W = Q · N. Never throws.
 *
 * Refuses: no nodes or several roots, more than {@link MAX_NODES} nodes, parent links that
 * form a cycle (nodes not reachable from the root), a tree deeper than {@link MAX_DEPTH}, and
 * a W that overflows.
 * @param tool the tool that saved the tree: its scores carry `{judge: 'imported', tool}`
 * @param algorithm the search the file records (the start event's)
 */
export function foreignTreeToEvents(
  nodes: readonly ForeignNode[],
  tool: ForeignTool,
  algorithm: Algorithm = 'mcts',
): TreeEvents {
  if (nodes.length === 0) return { ok: false, error: '(file): the tree has no nodes' };
  if (nodes.length > MAX_NODES) {
    return { ok: false, error: `(file): ${nodes.length} nodes; at most ${MAX_NODES} are read` };
  }
  const roots = nodes.flatMap((n, i) => (n.parent === null ? [i] : []));
  if (roots.length !== 1) {
    const where = roots.map((i) => (nodes[i] as ForeignNode).where).join(', ');
    return { ok: false, error: `(file): a tree has one root; found ${roots.length} (${where})` };
  }
  const children = childLists(nodes);
  if (typeof children === 'string') return { ok: false, error: children };

  const rootIndex = roots[0] as number;
  const root = nodes[rootIndex] as ForeignNode;
  const events: TraceEvent[] = [{ type: 'start', algorithm, rootText: root.text }];
  const newId = new Map<number, number>([[rootIndex, 0]]);
  const depth = new Map<number, number>([[rootIndex, 0]]);
  const order = [rootIndex];
  for (let head = 0; head < order.length; head++) {
    const index = order[head] as number;
    const kids = children[index] as number[];
    if (kids.length === 0) continue;
    const d = (depth.get(index) as number) + 1;
    if (d > MAX_DEPTH) {
      const deep = nodes[kids[0] as number] as ForeignNode;
      return { ok: false, error: `${deep.where}: the tree is deeper than ${MAX_DEPTH} levels` };
    }
    events.push({
      type: 'expand',
      iteration: 0,
      node: newId.get(index) as number,
      children: kids.map((k) => {
        const child = nodes[k] as ForeignNode;
        newId.set(k, newId.size);
        depth.set(k, d);
        order.push(k);
        const failed = child.end && 'failed' in child.end ? child.end.failed : null;
        return {
          id: newId.get(k) as number,
          text: child.text,
          tokens: 0,
          logProb: 0,
          prior: child.prior ?? 1 / kids.length,
          valid: failed === null,
          ...(failed === null ? {} : { invalidReason: failed }),
          inTextBacktrack: false,
        };
      }),
      cost: ZERO_COST,
    });
  }
  if (order.length < nodes.length) {
    const lost = nodes.findIndex((_, i) => !newId.has(i));
    return {
      ok: false,
      error: `${(nodes[lost] as ForeignNode).where}: not reachable from the root; the parent links form a cycle`,
    };
  }

  for (const index of order) {
    const end = (nodes[index] as ForeignNode).end;
    if (!end) continue;
    const node = newId.get(index) as number;
    if ('failed' in end) {
      events.push({ type: 'terminal', node, answer: '', correct: false, kind: 'invalid-step' });
      continue;
    }
    const { answer, correct } = end;
    events.push(
      correct === null
        ? { type: 'terminal', node, answer, correct, kind: 'unknown' }
        : { type: 'terminal', node, answer, correct, kind: correct ? 'solved' : 'wrong-answer' },
    );
  }

  const updates: { id: number; N: number; W: number }[] = [];
  for (const index of order) {
    const node = nodes[index] as ForeignNode;
    const id = newId.get(index) as number;
    if (node.prm !== undefined) {
      events.push({
        type: 'score',
        node: id,
        score: node.prm,
        evidence: { judge: 'imported', tool },
        cost: ZERO_COST,
      });
    }
    const W = node.Q * node.N;
    if (!Number.isFinite(W)) {
      return { ok: false, error: `${node.where}: Q × N is too large to hold` };
    }
    updates.push({ id, N: node.N, W: W === 0 ? 0 : W });
  }
  // A tree with no visits (best-of-N, beam search) has nothing to back up.
  if (updates.some((u) => u.N !== 0)) {
    events.push({ type: 'backprop', iteration: root.N, value: root.Q, updates });
  }
  return { ok: true, events };
}
