import type { ExpandedChild, TraceEvent } from '../core/tree/events';
import { ZERO_COST } from '../core/tree/events';
import type { ForeignNode } from './foreignTree';
import type { TreeLogFile } from './llmReasoners';
import { stepText } from './llmReasoners';
import { MAX_DEPTH } from './limits';

/** What a TreeLog replayed as a history carries, and which phases it does not record. */
export const LLM_REASONERS_HISTORY_NOTE =
  'replayed from its snapshots, one MCTS iteration per snapshot: the selected path (select), the ' +
  'nodes that appeared (expand) and the visit changes (backprop). TreeLog does not record the ' +
  'simulation, the candidates each selection weighed, visit counts (N counts the snapshots whose ' +
  'selected path passes a node) or PRM scores, so those are not shown.';

type Snapshot = TreeLogFile['logs'][number];

/**
 * A TreeLog with a snapshot per iteration (`tree_state_after_each_iter`) as Arbor events:
 * per snapshot, `select` along its selected path, one `expand` per node that gained children
 * since the snapshot before (ids in order of appearance, as the reducer requires), and a
 * `backprop` setting N (snapshots so far whose selected path passes the node) and W = Q · N
 * on the nodes whose N changed. `last` is the last snapshot already read as foreign nodes
 * (its structure checked); every snapshot must keep the parents it had before.
 */
export function treeLogHistory(file: TreeLogFile, root: string): TraceEvent[] | string {
  const arborId = new Map<number, number>();
  const parentOf = new Map<number, number>();
  const depth = new Map<number, number>();
  const visits = new Map<number, number>();
  const events: TraceEvent[] = [{ type: 'start', algorithm: 'mcts', rootText: root }];
  for (const [k, snap] of file.logs.entries()) {
    const at = `logs.${k}`;
    const nodes = new Map(Object.values(snap.nodes).map((n) => [n.id, n]));
    const edges = new Map(Object.values(snap.edges).map((e) => [e.id, e]));
    const inbound = new Map<number, Snapshot['edges'][string]>();
    for (const [key, e] of Object.entries(snap.edges)) {
      if (!nodes.has(e.source) || !nodes.has(e.target)) {
        return `${at}.edges.${key}: it joins nodes that are not in the snapshot`;
      }
      const before = parentOf.get(e.target);
      if (before !== undefined && before !== e.source) {
        return `${at}.edges.${key}: node ${e.target} moved to another parent`;
      }
      if (inbound.has(e.target))
        return `${at}.edges.${key}.target: node ${e.target} has two parents`;
      inbound.set(e.target, e);
    }
    const rootId = [...nodes.keys()].find((n) => !inbound.has(n));
    if (rootId === undefined) return `${at}: no root (every node has a parent)`;
    if (arborId.size === 0) {
      arborId.set(rootId, 0);
      depth.set(rootId, 0);
    } else if (arborId.get(rootId) !== 0) {
      return `${at}: the root changed`;
    }

    // The selected path, from the root along `selected_edge`.
    const path: number[] = [];
    const seen = new Set<number>();
    for (let cur = nodes.get(rootId); cur && !seen.has(cur.id);) {
      seen.add(cur.id);
      path.push(cur.id);
      const e = cur.selected_edge == null ? undefined : edges.get(cur.selected_edge);
      cur = e ? nodes.get(e.target) : undefined;
    }
    const iteration = k + 1;
    const known = path.filter((id) => arborId.has(id));
    events.push({
      type: 'select',
      iteration,
      rule: 'uct',
      c: 0,
      path: known.map((id) => arborId.get(id) as number),
      levels: [],
    });

    // New nodes, grouped under their parents, parents first (breadth first by depth).
    const fresh = [...inbound.values()].filter((e) => !arborId.has(e.target));
    let added = true;
    while (added) {
      added = false;
      const byParent = new Map<number, typeof fresh>();
      for (const e of fresh) {
        if (arborId.has(e.target) || !arborId.has(e.source)) continue;
        byParent.set(e.source, [...(byParent.get(e.source) ?? []), e]);
      }
      for (const [parent, kids] of byParent) {
        const d = (depth.get(parent) as number) + 1;
        if (d > MAX_DEPTH) return `${at}: the tree is deeper than ${MAX_DEPTH} levels`;
        const children: ExpandedChild[] = kids.map((e) => {
          const id = arborId.size;
          arborId.set(e.target, id);
          parentOf.set(e.target, parent);
          depth.set(e.target, d);
          return {
            id,
            text: stepText(nodes.get(e.target)?.data ?? {}, e.data.action),
            tokens: 0,
            logProb: 0,
            prior: 1 / kids.length,
            valid: true,
            inTextBacktrack: false,
          };
        });
        events.push({
          type: 'expand',
          iteration,
          node: arborId.get(parent) as number,
          children,
          cost: ZERO_COST,
        });
        added = true;
      }
    }
    if (fresh.some((e) => !arborId.has(e.target))) {
      return `${at}: some nodes are not reachable from the root; the edges form a cycle`;
    }

    // Visits along this snapshot's selected path; W from each edge's saved Q.
    const updates: { id: number; N: number; W: number }[] = [];
    for (const id of [...path].reverse()) {
      const N = (visits.get(id) ?? 0) + 1;
      visits.set(id, N);
      const Q = inbound.get(id)?.data.Q ?? 0;
      const W = Q * N;
      if (!Number.isFinite(W)) return `${at}: Q × N is too large to hold`;
      updates.push({ id: arborId.get(id) as number, N, W: W === 0 ? 0 : W });
    }
    const leafQ = inbound.get(path[path.length - 1] as number)?.data.Q ?? 0;
    events.push({ type: 'backprop', iteration, value: leafQ, updates });
  }
  return events;
}

/** The root's text from the last snapshot's foreign nodes (the one with no parent). */
export function rootTextOf(nodes: readonly ForeignNode[]): string {
  return nodes.find((n) => n.parent === null)?.text ?? '';
}
