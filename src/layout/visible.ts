import type { NodeId } from '../core/tree/events';
import type { SearchTree, TreeNode } from '../core/tree/tree';

/**
 * Which nodes the tree view shows: collapsed subtrees are folded away (the collapsed node
 * keeps a count of what it hides) and a wide node shows only its top-k children, the rest
 * behind a "+N more" stub. Pure, so it is tested without a DOM.
 */

/** What to fold away. Every field is optional: the default shows every node. */
export interface VisibleOptions {
  /** Nodes whose subtrees are folded away. */
  collapsed?: ReadonlySet<NodeId>;
  /** Show at most this many children per node (by visits, then PRM); null shows all. */
  topK?: number | null;
  /** Parents whose "+N more" stub was opened: all their children are shown. */
  opened?: ReadonlySet<NodeId>;
  /**
   * Nodes that stay visible through top-k filtering, with their ancestors: the selected
   * node, the path being drawn, the nodes of the current event. Collapsing still hides them.
   */
  pinned?: Iterable<NodeId>;
}

/** The nodes to draw, as a tree of visible children. */
export interface VisibleTree {
  /** Visible children by parent, in the order the proposer produced them. */
  children: ReadonlyMap<NodeId, readonly NodeId[]>;
  /** Children hidden behind a "+N more" stub, by parent (only parents that have some). */
  more: ReadonlyMap<NodeId, readonly NodeId[]>;
  /** Descendants hidden by collapsing, by collapsed node (only nodes that have children). */
  hidden: ReadonlyMap<NodeId, number>;
  /** Visible nodes, depth first from the root (stubs not counted). */
  order: readonly NodeId[];
  /** Changes whenever the drawn shape changes (which children, which stubs): a layout key. */
  signature: string;
}

const NONE: ReadonlySet<NodeId> = new Set();

/**
 * The number of nodes in each node's subtree, itself included. Ids are dense and a child's
 * id is always larger than its parent's, so one backward pass adds each size to the parent.
 */
export function subtreeSizes(tree: SearchTree): Int32Array {
  const sizes = new Int32Array(tree.nodes.length).fill(1);
  for (let id = tree.nodes.length - 1; id > 0; id--) {
    const parent = tree.nodes[id]?.parent;
    if (parent !== null && parent !== undefined)
      sizes[parent] = (sizes[parent] ?? 0) + (sizes[id] ?? 0);
  }
  return sizes;
}

/**
 * Orders children for top-k: most visits first, then best PRM (unscored last), then the
 * order the proposer produced them.
 */
export function rankChildren(children: readonly TreeNode[]): TreeNode[] {
  return [...children].sort((a, b) => b.N - a.N || (b.prm ?? -1) - (a.prm ?? -1) || a.id - b.id);
}

/** The pinned nodes and all their ancestors. */
function withAncestors(tree: SearchTree, pinned: Iterable<NodeId>): Set<NodeId> {
  const keep = new Set<NodeId>();
  for (const id of pinned) {
    for (let cur: NodeId | null = id; cur !== null && !keep.has(cur);) {
      const node: TreeNode | undefined = tree.nodes[cur];
      if (!node) break;
      keep.add(cur);
      cur = node.parent;
    }
  }
  return keep;
}

/** The children of `node` to draw, and those left behind the stub. */
function splitChildren(
  tree: SearchTree,
  node: TreeNode,
  topK: number | null,
  keep: ReadonlySet<NodeId>,
): { shown: NodeId[]; rest: NodeId[] } {
  if (topK === null || node.children.length <= topK) return { shown: [...node.children], rest: [] };
  const nodes = node.children.map((id) => tree.nodes[id]).filter((c) => c !== undefined);
  const top = new Set(
    rankChildren(nodes)
      .slice(0, Math.max(0, topK))
      .map((c) => c.id),
  );
  const shown: NodeId[] = [];
  const rest: NodeId[] = [];
  for (const id of node.children) (top.has(id) || keep.has(id) ? shown : rest).push(id);
  return { shown, rest };
}

/**
 * The visible tree: collapsed subtrees folded, top-k children per node.
 * @param tree the tree at the cursor
 * @param options what to fold away
 * @returns visible children, stubs and hidden counts; empty before the root exists
 * @example visibleTree(tree, { collapsed: new Set([3]), topK: 5 }).hidden.get(3) // 12
 */
export function visibleTree(tree: SearchTree, options: VisibleOptions = {}): VisibleTree {
  const collapsed = options.collapsed ?? NONE;
  const opened = options.opened ?? NONE;
  const topK = options.topK ?? null;
  const keep = withAncestors(tree, options.pinned ?? []);
  const children = new Map<NodeId, NodeId[]>();
  const more = new Map<NodeId, NodeId[]>();
  const hidden = new Map<NodeId, number>();
  const order: NodeId[] = [];
  const parts: string[] = [];
  const root = tree.nodes[0];
  if (!root) return { children, more, hidden, order, signature: '' };

  const sizes = collapsed.size > 0 ? subtreeSizes(tree) : null;
  const stack: NodeId[] = [0];
  while (stack.length > 0) {
    const id = stack.pop() as NodeId;
    const node = tree.nodes[id];
    if (!node) continue;
    order.push(id);
    if (node.children.length > 0 && collapsed.has(id)) {
      hidden.set(id, (sizes?.[id] ?? 1) - 1);
      parts.push(`${id}c`);
      continue;
    }
    const { shown, rest } = splitChildren(tree, node, opened.has(id) ? null : topK, keep);
    if (shown.length > 0) children.set(id, shown);
    if (rest.length > 0) more.set(id, rest);
    if (shown.length > 0 || rest.length > 0) parts.push(`${id}:${shown.join(',')}+${rest.length}`);
    for (let i = shown.length - 1; i >= 0; i--) stack.push(shown[i] as NodeId);
  }
  return { children, more, hidden, order, signature: parts.join(';') };
}

/** A memo of {@link visibleTree} for one run's trees (see {@link createVisibleCache}). */
export interface VisibleCache {
  get(tree: SearchTree, options: VisibleOptions): VisibleTree;
}

/**
 * A memo of the visible tree for the trees of one run. Without top-k, what is visible depends
 * only on the tree's shape and the collapsed nodes, and within one run's trace the shape is
 * fixed by the node count (nodes are only ever added, by expansions, in trace order, at any
 * cursor): so while the count and the collapsed set stay, the last visible tree is returned
 * as is — a 20,000-node tree that plays at 500 events/s is not walked again for every
 * backprop and score. With top-k (ranked by N and PRM, which every event may change) it is
 * worked out afresh. Use one cache per run.
 */
export function createVisibleCache(): VisibleCache {
  let last: { count: number; collapsed: ReadonlySet<NodeId>; visible: VisibleTree } | null = null;
  return {
    get(tree, options) {
      const collapsed = options.collapsed ?? NONE;
      const ranked = options.topK !== null && options.topK !== undefined;
      if (!ranked && last?.count === tree.nodes.length && last.collapsed === collapsed) {
        return last.visible;
      }
      const visible = visibleTree(tree, options);
      last = ranked ? null : { count: tree.nodes.length, collapsed, visible };
      return visible;
    },
  };
}
