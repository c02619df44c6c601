import { z } from 'zod';
import type { ForeignNode } from './foreignTree';

/**
 * llm-reasoners' search log as `json.dumps(TreeLog, cls=TreeLogEncoder)` writes it:
 * `{ "logs": [snapshot, …] }`, one `TreeSnapshot` per MCTS iteration when the search kept
 * `tree_state_after_each_iter`, else one. A snapshot is `{ nodes, edges }`, both objects keyed
 * by id; a node is `{ id, data, selected_edge }` (`data` is the state as a dict), an edge
 * `{ id, source, target, data }` (`data` from `from_mcts_results` is `{ Q, reward, …reward
 * details }`). `selected_edge` follows that iteration's trace, and the highest-Q edge
 * elsewhere.
 *
 * Source: maitrix-org/llm-reasoners `reasoners/visualization/tree_log.py` (`TreeLog`,
 * `TreeLogEncoder`, `from_mcts_results`, commit e6f5a264ac7b…) and
 * `reasoners/visualization/tree_snapshot.py` (`TreeSnapshot.Node`/`Edge`, commit bb04850f…),
 * https://github.com/maitrix-org/llm-reasoners/tree/main/reasoners/visualization
 */
const id = z.number().int().nonnegative();

const node = z.object({
  id,
  data: z.record(z.string(), z.unknown()),
  selected_edge: id.nullable().optional(),
});

const edge = z.object({
  id,
  source: id,
  target: id,
  // Q is NaN (read as null) for a child never visited.
  data: z.looseObject({ Q: z.number().nullable().optional(), action: z.unknown().optional() }),
});

const snapshot = z.object({
  nodes: z.record(z.string(), node),
  edges: z.record(z.string(), edge),
});

export const treeLogSchema = z.object({ logs: z.array(snapshot).min(1) });

export type TreeLogFile = z.infer<typeof treeLogSchema>;
type Snapshot = z.infer<typeof snapshot>;

/** What a TreeLog does not carry. */
export const LLM_REASONERS_NOTE =
  'no phase-by-phase history: Arbor shows the last of the saved snapshots. TreeLog saves Q per edge ' +
  'but no visit counts: N counts the snapshots whose selected path passes the node (N = 1 for every ' +
  'node with a Q when there is one snapshot). It has no PRM scores, end markers or final answer.';

/** The root's text when its state is empty (as in RAP's runs): the problem is not saved. */
export const ROOT_WITHOUT_STATE = '(the problem: not saved in the TreeLog)';

/** A value as one line of text: strings as they are, lists joined, the rest as JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(asText).join('\n');
  return JSON.stringify(value) ?? '';
}

/**
 * A node's step: the edge's `action` when the edge saved one, else the last entry of the
 * node's state (a list state is saved as `{0: …, 1: …}`, the newest step last).
 */
export function stepText(data: Record<string, unknown>, action: unknown): string {
  if (typeof action === 'string') return action;
  const keys = Object.keys(data);
  if (keys.length === 0) return '';
  if (keys.every((k) => /^\d+$/.test(k))) {
    const last = keys.reduce((a, b) => (Number(b) > Number(a) ? b : a));
    return asText(data[last]);
  }
  return keys.map((k) => `${k}: ${asText(data[k])}`).join('\n');
}

/** How many snapshots' selected paths (from the root) pass each node id. */
function visitsFromSnapshots(logs: readonly Snapshot[], rootId: number): Map<number, number> {
  const visits = new Map<number, number>();
  for (const snap of logs) {
    const nodesById = new Map(Object.values(snap.nodes).map((n) => [n.id, n]));
    const edgesById = new Map(Object.values(snap.edges).map((e) => [e.id, e]));
    const seen = new Set<number>();
    let cur = nodesById.get(rootId);
    // A selected path visits each node once; a repeat is a cycle in a broken file.
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      visits.set(cur.id, (visits.get(cur.id) ?? 0) + 1);
      const chosen = cur.selected_edge == null ? undefined : edgesById.get(cur.selected_edge);
      cur = chosen ? nodesById.get(chosen.target) : undefined;
    }
  }
  return visits;
}

/**
 * The last snapshot as foreign nodes. Checks that edges name nodes that exist and that no
 * node has two parents; cycles are left to the tree check (they leave nodes unreachable).
 */
export function treeLogToNodes(file: TreeLogFile): ForeignNode[] | string {
  const last = file.logs.length - 1;
  const snap = file.logs[last] as Snapshot;
  const at = `logs.${last}`;
  const ids = Object.values(snap.nodes).map((n) => n.id);
  const index = new Map<number, number>();
  for (const [i, nodeId] of ids.entries()) {
    if (index.has(nodeId)) return `${at}.nodes: two nodes have id ${nodeId}`;
    index.set(nodeId, i);
  }
  const parentOf = new Map<number, { source: number; data: Snapshot['edges'][string]['data'] }>();
  for (const [key, e] of Object.entries(snap.edges)) {
    for (const end of ['source', 'target'] as const) {
      if (!index.has(e[end])) return `${at}.edges.${key}.${end}: no node has id ${e[end]}`;
    }
    if (parentOf.has(e.target))
      return `${at}.edges.${key}.target: node ${e.target} has two parents`;
    parentOf.set(e.target, { source: e.source, data: e.data });
  }
  const root = ids.find((n) => !parentOf.has(n));
  const visits =
    root === undefined ? new Map<number, number>() : visitsFromSnapshots(file.logs, root);
  const single = file.logs.length === 1;
  return Object.entries(snap.nodes).map(([key, n]) => {
    const inbound = parentOf.get(n.id);
    const savedQ = inbound?.data.Q;
    const Q = savedQ ?? 0;
    const N = single ? (savedQ == null ? 0 : 1) : (visits.get(n.id) ?? 0);
    const text = stepText(n.data, inbound?.data.action);
    return {
      parent: inbound ? (index.get(inbound.source) as number) : null,
      where: `${at}.nodes.${key}`,
      text: inbound || text !== '' ? text : ROOT_WITHOUT_STATE,
      N: n.id === root && single ? 1 : N,
      Q,
    };
  });
}
