import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import { MAX_RADIUS, nodeRadius } from '../tree/encodings';
import type { TreeLayout } from '../../layout/tidyTree';
import { tidyTree } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import { visibleTree } from '../../layout/visible';

/**
 * One side's tree as the compare view draws it: the main tree's tidy layout (d3-hierarchy,
 * Reingold–Tilford / Buchheim et al.) with spacing fitted to its circles, fitted to its box by the SVG
 * viewBox. A tree too large to read in half a page keeps only each node's top-k children
 * (most visits, then best PRM: `visibleTree`'s ranking), the rest behind "+N more", with
 * k as large as the drawing limit allows; the answer's line and the selection stay drawn.
 */

/** Most nodes drawn per side: past this, top-k folding applies. */
export const MAX_DRAWN = 300;
/** Most leaves (and "+N more" stubs) drawn side by side: the tree's width, in columns. */
export const MAX_LEAVES = 40;
/** Distance between depths, in layout units. */
export const COMPARE_DY = 64;
/** Narrowest and widest distance between sibling centres, in layout units. */
export const DX_RANGE = [24, 40] as const;
/** Room around the node centres: the largest circle, its terminal glyph and its ring. */
export const MARGIN = MAX_RADIUS + 18;
/** Smallest on-screen scale: a wider tree scrolls sideways rather than shrink past it. */
export const MIN_SCALE = 0.6;

/** The SVG viewBox of a drawn tree. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A tree ready to draw. */
export interface DrawnTree {
  visible: VisibleTree;
  layout: TreeLayout;
  /** Nodes drawn, and nodes left out behind "+N more" stubs. */
  drawn: number;
  hidden: number;
  /** Children kept per node, or null when every node is drawn. */
  topK: number | null;
  viewBox: ViewBox;
  /** Narrowest the SVG may be drawn, in CSS pixels (layout width × {@link MIN_SCALE}). */
  minWidth: number;
}

/** The viewBox holding every node centre of `layout` with {@link MARGIN} around. */
export function viewBoxOf(layout: TreeLayout): ViewBox {
  const { minX, maxX, minY, maxY } = layout.bounds;
  const empty = layout.nodes.length === 0;
  const x = (empty ? 0 : minX) - MARGIN;
  const y = (empty ? 0 : minY) - MARGIN;
  return {
    x,
    y,
    width: (empty ? 0 : maxX - minX) + 2 * MARGIN,
    height: (empty ? 0 : maxY - minY) + 2 * MARGIN,
  };
}

/**
 * The distance between sibling centres: room for the two largest circles below the root
 * (radius by log visits) and a terminal glyph between them, within {@link DX_RANGE}. A
 * best-of-N fan of unvisited samples packs tight; a well-visited MCTS tree spreads out.
 */
export function siblingGap(tree: SearchTree): number {
  let r = 0;
  for (const node of tree.nodes) if (node.parent !== null) r = Math.max(r, nodeRadius(node.N));
  return Math.min(DX_RANGE[1], Math.max(DX_RANGE[0], Math.ceil(2 * r + 14)));
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
 * Lays out one side.
 * @param tree the run's final tree
 * @param pinned nodes kept drawn whatever the folding (the answer's line, the selection)
 * @param max most nodes drawn
 */
export function drawTree(tree: SearchTree, pinned: readonly NodeId[], max = MAX_DRAWN): DrawnTree {
  const { visible, topK } = limitVisible(tree, pinned, max);
  const layout = tidyTree(tree, { dx: siblingGap(tree), dy: COMPARE_DY, visible });
  const viewBox = viewBoxOf(layout);
  return {
    visible,
    layout,
    drawn: layout.nodes.length,
    hidden: tree.nodes.length - layout.nodes.length,
    topK,
    viewBox,
    minWidth: Math.round(viewBox.width * MIN_SCALE),
  };
}
