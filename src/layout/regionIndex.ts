import type { Bounds, LayoutLink, LayoutNode, LayoutStub, TreeLayout } from './tidyTree';

/**
 * What of a layout lies in a region of it, found by binary search in each row instead of a
 * pass over every node: a canvas that draws the part around the view of a 20,000-node tree
 * then touches a few hundred nodes per frame, not 20,000. Built once per layout (cached).
 */

/** One row (a depth) sorted by x: its nodes, its stubs and the links down to its nodes. */
interface IndexedRow {
  y: number;
  nodes: LayoutNode[];
  stubs: LayoutStub[];
  /** Links to this row's nodes, sorted by the child's x. */
  links: LayoutLink[];
  /** The widest horizontal reach of a link to this row: |parent x − child x|. */
  reach: number;
}

const indexes = new WeakMap<TreeLayout, IndexedRow[]>();

function indexOf(layout: TreeLayout): IndexedRow[] {
  const cached = indexes.get(layout);
  if (cached) return cached;
  const rows: IndexedRow[] = [];
  const row = (depth: number, y: number) =>
    (rows[depth] ??= { y, nodes: [], stubs: [], links: [], reach: 0 });
  for (const n of layout.nodes) row(n.depth, n.y).nodes.push(n);
  for (const s of layout.stubs) row(s.depth, s.y).stubs.push(s);
  for (const l of layout.links) {
    const child = layout.byId.get(l.id);
    if (!child) continue;
    const r = row(child.depth, child.y);
    r.links.push(l);
    r.reach = Math.max(r.reach, Math.abs(l.source.x - l.target.x));
  }
  for (const r of rows) {
    if (!r) continue;
    r.nodes.sort((a, b) => a.x - b.x);
    r.stubs.sort((a, b) => a.x - b.x);
    r.links.sort((a, b) => a.target.x - b.target.x);
  }
  indexes.set(layout, rows);
  return rows;
}

/** The first index in `items` (sorted by `x`) whose x is at least `min`. */
function lowerBound<T>(items: readonly T[], x: (item: T) => number, min: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x(items[mid] as T) < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of a sorted row whose x lies in [min, max]. */
function slice<T>(items: readonly T[], x: (item: T) => number, min: number, max: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, x, min); i < items.length; i++) {
    const item = items[i] as T;
    if (x(item) > max) break;
    out.push(item);
  }
  return out;
}

/** What {@link inRegion} returns. */
export interface RegionContents {
  /** Nodes whose centre lies in the region. */
  nodes: LayoutNode[];
  /** Stubs whose centre lies in the region. */
  stubs: LayoutStub[];
  /** Links whose bounding box meets the region (and maybe a few near it). */
  links: LayoutLink[];
}

/**
 * The nodes and stubs of `layout` whose centres lie in `region`, and the links whose
 * bounding box meets it (a superset: a link near the region may come too), each in row order.
 * @example inRegion(layout, { minX: -100, maxX: 100, minY: 0, maxY: 0 }).nodes // the root's row near x = 0
 */
export function inRegion(layout: TreeLayout, region: Bounds): RegionContents {
  const out: RegionContents = { nodes: [], stubs: [], links: [] };
  const { minX, maxX, minY, maxY } = region;
  const xOf = (p: { x: number }) => p.x;
  const childX = (l: LayoutLink) => l.target.x;
  for (const row of indexOf(layout)) {
    if (!row) continue;
    if (row.y >= minY && row.y <= maxY) {
      out.nodes.push(...slice(row.nodes, xOf, minX, maxX));
      out.stubs.push(...slice(row.stubs, xOf, minX, maxX));
    }
    // A link to this row spans its parent's row to this one, and at most `reach` across.
    const top = row.links[0]?.source.y ?? row.y;
    if (row.y < minY || top > maxY) continue;
    for (const l of slice(row.links, childX, minX - row.reach, maxX + row.reach)) {
      if (Math.max(l.source.x, l.target.x) >= minX && Math.min(l.source.x, l.target.x) <= maxX) {
        out.links.push(l);
      }
    }
  }
  return out;
}
