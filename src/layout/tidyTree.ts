import { hierarchy, tree as d3tree } from 'd3-hierarchy';
import type { NodeId } from '../core/tree/events';
import type { SearchTree } from '../core/tree/tree';
import type { VisibleTree } from './visible';
import { visibleTree } from './visible';

/**
 * The search tree laid out top-down with d3-hierarchy's tidy tree (Reingold & Tilford 1981,
 * in linear time after Buchheim, Jünger & Leipert 2002). Pure: no DOM, so it is tested in
 * node. d3 computes the positions; React (or a canvas) draws them (STYLE.md §5).
 *
 * Positions depend only on the visible shape, never on N, W or PRM: the drawing reads those
 * from the tree at the cursor, so a layout can be reused while the shape stays the same.
 */

/** A node with its position: `x` across (siblings), `y` down (depth). */
export interface LayoutNode {
  id: NodeId;
  x: number;
  y: number;
  depth: number;
  parent: NodeId | null;
  /** The width of the node's card (0 when laid out as dots). */
  w: number;
}

/** A "+N more" stub: the children of `parent` that top-k filtering left out. */
export interface LayoutStub {
  parent: NodeId;
  hidden: readonly NodeId[];
  x: number;
  y: number;
  depth: number;
}

/** A point in layout coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** An edge from a parent to a child, keyed by the child's id (each node has one parent). */
export interface LayoutLink {
  id: NodeId;
  source: Point;
  target: Point;
}

/** The extent of the node centres (and of the cards across, when laid out as cards). */
export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** One thing drawn in a row (a depth): a node or a stub, for hit tests and keyboard moves. */
export type RowItem =
  { kind: 'node'; id: NodeId; x: number } | { kind: 'more'; parent: NodeId; x: number };

/** Positioned nodes, stubs and links, each keyed by node id. */
export interface TreeLayout {
  /** In node-id order. */
  nodes: LayoutNode[];
  links: LayoutLink[];
  stubs: LayoutStub[];
  byId: ReadonlyMap<NodeId, LayoutNode>;
  /** Items at each depth, left to right. */
  rows: readonly (readonly RowItem[])[];
  bounds: Bounds;
  /** Distance between depths (rows sit at `depth * dy`). */
  dy: number;
}

/** Spacing of the layout: the distance between sibling centres and between depths. */
export interface LayoutOptions {
  /** Horizontal distance between neighbouring siblings (cousins get 1.5×). */
  dx?: number;
  /** Vertical distance between depths. */
  dy?: number;
  /** What to draw; by default every node. */
  visible?: VisibleTree;
  /**
   * Each node's card width: when given, neighbours in a row are spaced by their half-widths
   * plus `gap` (siblings) or `cousinGap`, so no two cards overlap, and `dx` is not used.
   */
  width?: (id: NodeId) => number;
  /** Width of a "+N more" stub when `width` is given. */
  stubWidth?: number;
  gap?: number;
  cousinGap?: number;
}

export const DEFAULT_DX = 40;
export const DEFAULT_DY = 80;

/** A datum of the d3 hierarchy: a node id, or a stub (as the negative of parent + 1). */
type Key = number;
const stubKey = (parent: NodeId): Key => -(parent + 1);

/** An empty layout. */
export function emptyLayout(dy = DEFAULT_DY): TreeLayout {
  return {
    nodes: [],
    links: [],
    stubs: [],
    byId: new Map(),
    rows: [],
    bounds: { minX: 0, maxX: 0, minY: 0, maxY: 0 },
    dy,
  };
}

/**
 * Lays out a search tree with a fixed node size, so a growing tree keeps its spacing.
 * The root sits at (0, 0); children are in the order the proposer produced them, a stub last.
 * @param tree the tree at the cursor
 * @param options spacing, and the visible tree (collapse, top-k) to lay out
 * @returns nodes, stubs and links keyed by node id; empty when the tree has no root yet
 * @example tidyTree(tree).byId.get(0) // { id: 0, x: 0, y: 0, depth: 0, parent: null }
 */
export function tidyTree(tree: SearchTree, options: LayoutOptions = {}): TreeLayout {
  const dx = options.dx ?? DEFAULT_DX;
  const dy = options.dy ?? DEFAULT_DY;
  if (!tree.nodes[0]) return emptyLayout(dy);
  const visible = options.visible ?? visibleTree(tree);
  const kids = (key: Key): Key[] | undefined => {
    if (key < 0) return undefined;
    const shown = visible.children.get(key) ?? [];
    const stub = visible.more.has(key) ? [stubKey(key)] : [];
    return shown.length + stub.length > 0 ? [...shown, ...stub] : undefined;
  };
  const { width } = options;
  const stubWidth = options.stubWidth ?? 0;
  const widthOf = (key: Key): number => (width ? (key < 0 ? stubWidth : width(key)) : 0);
  const gap = options.gap ?? 0;
  const cousinGap = options.cousinGap ?? gap;
  // d3's separation is the distance between neighbours' centres in units of nodeSize's x:
  // with cards, a unit is one layout pixel and the distance is the two half-widths plus a gap.
  const laidOut = (
    width
      ? d3tree<Key>()
          .nodeSize([1, dy])
          .separation(
            (a, b) =>
              (widthOf(a.data) + widthOf(b.data)) / 2 + (a.parent === b.parent ? gap : cousinGap),
          )
      : d3tree<Key>()
          .nodeSize([dx, dy])
          .separation((a, b) => (a.parent === b.parent ? 1 : 1.5))
  )(hierarchy<Key>(0, kids));

  const nodes: LayoutNode[] = [];
  const links: LayoutLink[] = [];
  const stubs: LayoutStub[] = [];
  const rows: RowItem[][] = [];
  const bounds: Bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  laidOut.each((p) => {
    const { x, y, depth, data: key } = p;
    const parent = p.parent ? p.parent.data : null;
    const half = widthOf(key) / 2;
    bounds.minX = Math.min(bounds.minX, x - half);
    bounds.maxX = Math.max(bounds.maxX, x + half);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxY = Math.max(bounds.maxY, y);
    const row = (rows[depth] ??= []);
    if (key < 0) {
      const owner = -key - 1;
      stubs.push({ parent: owner, hidden: visible.more.get(owner) ?? [], x, y, depth });
      row.push({ kind: 'more', parent: owner, x });
      return;
    }
    nodes.push({ id: key, x, y, depth, parent, w: widthOf(key) });
    row.push({ kind: 'node', id: key, x });
    if (p.parent)
      links.push({ id: key, source: { x: p.parent.x, y: p.parent.y }, target: { x, y } });
  });
  nodes.sort((a, b) => a.id - b.id);
  links.sort((a, b) => a.id - b.id);
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return { nodes, links, stubs, byId: new Map(nodes.map((n) => [n.id, n])), rows, bounds, dy };
}

/**
 * The point at `t` ∈ [0, 1] along a top-down link: the cubic curve of {@link linkPath}, from
 * the parent (t = 0) to the child (t = 1).
 */
export function pointOnLink(link: Pick<LayoutLink, 'source' | 'target'>, t: number): Point {
  const { source: s, target: e } = link;
  const my = (s.y + e.y) / 2;
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: (a + b) * s.x + (c + d) * e.x, y: a * s.y + (b + c) * my + d * e.y };
}

/**
 * An SVG path for a top-down link: a cubic curve leaving the parent downwards and entering
 * the child from above (the shape of d3-shape's `linkVertical`).
 */
export function linkPath(link: Pick<LayoutLink, 'source' | 'target'>): string {
  const { source: s, target: t } = link;
  const my = (s.y + t.y) / 2;
  return `M${s.x},${s.y}C${s.x},${my} ${t.x},${my} ${t.x},${t.y}`;
}

/**
 * Points along a link's curve that lie outside both end circles (radii `r0` at the parent,
 * `r1` at the child), so a highlight drawn over the link does not cross the nodes.
 * @param samples how many points to try along the curve
 */
export function trimmedLinkPoints(
  link: Pick<LayoutLink, 'source' | 'target'>,
  r0: number,
  r1: number,
  samples = 24,
): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= samples; i++) {
    const p = pointOnLink(link, i / samples);
    const d0 = Math.hypot(p.x - link.source.x, p.y - link.source.y);
    const d1 = Math.hypot(p.x - link.target.x, p.y - link.target.y);
    if (d0 >= r0 && d1 >= r1) points.push(p);
  }
  return points;
}
