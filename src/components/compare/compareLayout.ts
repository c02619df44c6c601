import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { CardBook } from '../../layout/card';
import { cardLayout } from '../../layout/card';
import type { TreeLayout } from '../../layout/tidyTree';
import { tidyTree } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import { visibleTree } from '../../layout/visible';

/**
 * One side's tree as the compare view draws it: the main tree's labelled cards in its tidy
 * layout (d3-hierarchy, Reingold–Tilford / Buchheim et al.), spaced for the cards' widths,
 * shown in a pane with pan, zoom and Fit. A tree too large to read in half a page keeps only
 * each node's top-k children (most visits, then best PRM: `visibleTree`'s ranking), the rest
 * behind "+N more", with k as large as the drawing limit allows; the answer's line and the
 * selection stay drawn.
 */

/** Most nodes drawn per side: past this, top-k folding applies. */
export const MAX_DRAWN = 300;
/** Most leaves (and "+N more" stubs) drawn side by side: the tree's width, in columns. */
export const MAX_LEAVES = 40;

/** A tree ready to draw. */
export interface DrawnTree {
  visible: VisibleTree;
  layout: TreeLayout;
  /** Nodes drawn, and nodes left out behind "+N more" stubs. */
  drawn: number;
  hidden: number;
  /** Children kept per node, or null when every node is drawn. */
  topK: number | null;
}

/** Leaves and stubs of a visible tree: how many columns it needs. */
export function leafCount(visible: VisibleTree): number {
  let leaves = visible.more.size;
  for (const id of visible.order) if (!visible.children.has(id)) leaves++;
  return leaves;
}

/** The largest number of children any node has. */
function widest(tree: SearchTree): number {
  let most = 0;
  for (const node of tree.nodes) most = Math.max(most, node.children.length);
  return most;
}

/**
 * The visible tree with every node, or with the largest top-k that keeps at most `max`
 * nodes and `maxLeaves` columns drawn (both grow with k, so a binary search finds
 * it). When even k = 1 draws more (pinned lines are long), k = 1 is used.
 */
export function limitVisible(
  tree: SearchTree,
  pinned: readonly NodeId[],
  max = MAX_DRAWN,
  maxLeaves = MAX_LEAVES,
): { visible: VisibleTree; topK: number | null } {
  const fits = (v: VisibleTree) => v.order.length <= max && leafCount(v) <= maxLeaves;
  const all = visibleTree(tree);
  if (fits(all)) return { visible: all, topK: null };
  let lo = 1;
  let hi = Math.max(1, widest(tree));
  let best = visibleTree(tree, { topK: 1, pinned });
  while (lo <= hi) {
    const k = Math.floor((lo + hi) / 2);
    const visible = visibleTree(tree, { topK: k, pinned });
    if (fits(visible)) {
      best = visible;
      lo = k + 1;
    } else hi = k - 1;
  }
  return { visible: best, topK: Math.max(1, lo - 1) };
}

/**
 * Lays out one side as cards.
 * @param tree the run's final tree
 * @param pinned nodes kept drawn whatever the folding (the answer's line, the selection)
 * @param cards the run's card titles (their widths space the layout)
 * @param max most nodes drawn
 */
export function drawTree(
  tree: SearchTree,
  pinned: readonly NodeId[],
  cards: CardBook,
  max = MAX_DRAWN,
): DrawnTree {
  const { visible, topK } = limitVisible(tree, pinned, max);
  const layout = tidyTree(tree, { ...cardLayout(tree, cards), visible });
  return {
    visible,
    layout,
    drawn: layout.nodes.length,
    hidden: tree.nodes.length - layout.nodes.length,
    topK,
  };
}
