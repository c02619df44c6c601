import type { SearchTree } from '../core/tree/tree';
import type { LayoutOptions, TreeLayout } from './tidyTree';
import { emptyLayout, tidyTree } from './tidyTree';
import type { VisibleTree } from './visible';

/**
 * Reuses a layout while the visible shape is unchanged (a backprop or a score moves no node),
 * and, while a run plays, lays out a large tree at most every few times the cost of one
 * layout, so that a 20,000-node tree growing at 500 events/s still leaves time to draw.
 */

/** What {@link LayoutCache.get} returns. */
export interface CachedLayout {
  layout: TreeLayout;
  /** The visible tree the layout is of (an older one while a relayout waits). */
  visible: VisibleTree;
  /** The layout is older than the visible tree (a throttled relayout is due). */
  stale: boolean;
  /** When a stale layout should be redone, in ms from now. */
  retryInMs: number;
}

/**
 * How relayouts are spaced while a run plays: `false` not at all; `true` by the layout's own
 * cost (a large tree on a canvas, where laying out is the expense); a number, at least that
 * many ms apart whatever the layout costs (an SVG tree, where the expense is the browser
 * restyling and repainting every card a relayout moves).
 */
export type Throttle = boolean | number;

/** A layout memo keyed by {@link VisibleTree.signature}. */
export interface LayoutCache {
  /**
   * The layout of `visible`: the cached one when the shape is unchanged; with `throttle`, the
   * previous one while a relayout would come too soon after the last. Given as a function,
   * `visible` is not even worked out then (walking a 20,000-node tree for its shape costs as
   * much as drawing a frame), and the held layout is reported stale so that it is retried.
   */
  get(
    tree: SearchTree,
    visible: VisibleTree | (() => VisibleTree),
    throttle: Throttle,
  ): CachedLayout;
}

/** Relayouts are spaced by at least this many times the last layout's cost while throttled. */
const SPACING = 4;
/** Layouts cheaper than this are never throttled. */
const CHEAP_MS = 8;

/**
 * Creates a layout cache.
 * @param now the clock (injectable for tests)
 * @param spacing how the tree is spaced (cards: `cardLayout`), given the tree at the cursor
 */
export function createLayoutCache(
  now: () => number = () => performance.now(),
  spacing: (tree: SearchTree) => Omit<LayoutOptions, 'visible'> = () => ({}),
): LayoutCache {
  let shown: VisibleTree | null = null;
  let layout: TreeLayout = emptyLayout();
  let cost = 0;
  let at = -Infinity;
  return {
    get(tree, visibleOf, throttle) {
      const start = now();
      const byCost = throttle !== false && cost > CHEAP_MS ? SPACING * cost : 0;
      const wait = at + Math.max(byCost, typeof throttle === 'number' ? throttle : 0) - start;
      const hold = throttle !== false && shown !== null && wait > 0;
      if (hold && typeof visibleOf === 'function') {
        return { layout, visible: shown as VisibleTree, stale: true, retryInMs: wait };
      }
      const visible = typeof visibleOf === 'function' ? visibleOf() : visibleOf;
      if (shown !== null && visible.signature === shown.signature) {
        return { layout, visible: shown, stale: false, retryInMs: 0 };
      }
      if (hold) return { layout, visible: shown as VisibleTree, stale: true, retryInMs: wait };
      layout = tidyTree(tree, { ...spacing(tree), visible });
      shown = visible;
      at = now();
      cost = at - start;
      return { layout, visible, stale: false, retryInMs: 0 };
    },
  };
}
