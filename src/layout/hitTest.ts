import type { NodeId } from '../core/tree/events';
import type { Bounds, Point, RowItem, TreeLayout } from './tidyTree';

/**
 * What is under the pointer, found from the layout alone, so the SVG and the canvas drawing
 * answer hover and click the same way (and a 20,000-node tree needs no per-node listeners):
 * the row is found from y, the item by binary search on x.
 */

/** Something the pointer can act on. */
export type Hit =
  | { kind: 'node'; id: NodeId }
  | { kind: 'more'; parent: NodeId }
  | { kind: 'badge'; id: NodeId }
  | { kind: 'fold'; id: NodeId };

/** A small target drawn beside a node (a badge, a button), checked before the nodes. */
export interface HitBox {
  hit: Hit;
  box: Bounds;
}

/** Options of {@link hitTest}. */
export interface HitOptions {
  /** Radius of a node drawn as a dot (laid out with no card width), in layout units. */
  radiusOf: (id: NodeId) => number;
  /**
   * Half the height of a card: a node laid out with a width is hit as its card's box. Without
   * it every node is a circle of `radiusOf` (cards too small on screen to aim at).
   */
  halfHeight?: number;
  /** Extra reach in layout units (a few screen pixels at the current zoom). */
  slack: number;
  /** Half the width and height of a "+N more" stub. */
  stub: { halfWidth: number; halfHeight: number };
  /** Badges and buttons. */
  boxes?: readonly HitBox[];
}

/** The index of the first item with x ≥ `x`. */
function lowerBound(row: readonly RowItem[], x: number): number {
  let lo = 0;
  let hi = row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((row[mid] as RowItem).x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inBox(b: Bounds, p: Point): boolean {
  return p.x >= b.minX && p.x <= b.maxX && p.y >= b.minY && p.y <= b.maxY;
}

/**
 * The item at layout point `p`, or null. Nodes are their cards (laid out with a width) or
 * circles of their radius, plus `slack`; the nearest wins when two overlap.
 * @example hitTest(layout, { x: 0, y: 2 }, opts) // { kind: 'node', id: 0 }
 */
export function hitTest(layout: TreeLayout, p: Point, options: HitOptions): Hit | null {
  for (const b of options.boxes ?? []) if (inBox(b.box, p)) return b.hit;
  const { dy, rows } = layout;
  let best: Hit | null = null;
  let bestDistance = Infinity;
  // The rows the reach can touch (at least the nearest and its neighbours; far out, where the
  // reach spans rows, a few more).
  const approx = Math.round(p.y / dy);
  const span = Math.min(6, Math.max(1, Math.ceil(options.slack / dy)));
  const depths: number[] = [];
  for (let d = approx - span; d <= approx + span; d++) depths.push(d);
  for (const depth of depths) {
    const row = rows[depth];
    if (!row) continue;
    const y = depth * dy;
    // Items left and right of p.x; node radii are small next to the spacing.
    const i = lowerBound(row, p.x);
    for (let j = Math.max(0, i - 2); j < Math.min(row.length, i + 2); j++) {
      const item = row[j] as RowItem;
      const ddx = p.x - item.x;
      const ddy = p.y - y;
      if (item.kind === 'more') {
        const { halfWidth, halfHeight } = options.stub;
        if (
          Math.abs(ddx) <= halfWidth + options.slack &&
          Math.abs(ddy) <= halfHeight + options.slack
        ) {
          return { kind: 'more', parent: item.parent };
        }
        continue;
      }
      const d = Math.hypot(ddx, ddy);
      const w = options.halfHeight === undefined ? 0 : (layout.byId.get(item.id)?.w ?? 0);
      const inside =
        w > 0
          ? Math.abs(ddx) <= w / 2 + options.slack &&
            Math.abs(ddy) <= (options.halfHeight ?? 0) + options.slack
          : d <= options.radiusOf(item.id) + options.slack;
      if (inside && d < bestDistance) {
        best = { kind: 'node', id: item.id };
        bestDistance = d;
      }
    }
  }
  return best;
}
