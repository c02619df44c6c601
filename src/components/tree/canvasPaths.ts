import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { Transform } from '../../layout/fit';
import type { Bounds, Point, TreeLayout } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import { inRegion as regionContents } from '../../layout/regionIndex';
import type { CardBook } from '../../layout/card';
import { CARD, SHORT_DETAIL_SCALE } from '../../layout/card';
import { PRUNED_OPACITY, STRIPE, cardLook, linkLook, prmFill } from './encodings';
import type { Palette } from './palette';

/**
 * The geometry of the canvas drawing, built once per scene and level of detail as a few
 * Path2D batches in layout coordinates (one per stroke style and fill colour), so that a pan
 * or a zoom only re-strokes them under a new transform (drawCanvas.ts). Cards are rectangles
 * (far out, filled with their PRM colour); farther out, deduplicated dots, and links straight
 * lines. Only a region around the view is built; text is drawn per frame for the cards in view.
 */

/** What to draw. */
export interface CanvasScene {
  tree: SearchTree;
  layout: TreeLayout;
  visible: VisibleTree;
  onPath: ReadonlySet<NodeId>;
  palette: Palette;
  /** The card titles (the tree view's). */
  cards: CardBook;
  /** Whether the task's rule verifier sees the whole truth (PRM-disagreement marks). */
  exactRule: boolean;
  /** Cards show their words (off: coloured marks at every zoom). */
  labels: boolean;
}

/** Where to draw: the zoom transform, the CSS size of the canvas and its pixel ratio. */
export interface CanvasView {
  t: Transform;
  width: number;
  height: number;
  dpr: number;
}

/** One batch: a path and how to stroke or fill it. */
export interface Batch {
  path: Path2D;
  style: string;
  width: number;
  alpha: number;
  dash: boolean;
}

/** A node whose card text and markers are drawn once it is large enough on screen. */
export interface Detail {
  id: NodeId;
  at: Point;
  /** The card's width. */
  w: number;
}

/** The prepared geometry of a scene at one level of detail. */
export interface CanvasPaths {
  lines: Batch[];
  fills: Batch[];
  outlines: Batch[];
  details: Detail[];
  /** The scale the geometry was built for (a power of two). */
  lod: number;
  /** The part of the layout it covers. */
  region: Bounds;
}

const fillTables = new WeakMap<Palette, string[]>();

/** A PRM fill from 21 steps: few batches, and a difference no eye sees at canvas sizes. */
function quantisedFill(prm: number | null, palette: Palette): string {
  if (prm === null) return palette.unscored;
  let table = fillTables.get(palette);
  if (!table) {
    table = Array.from({ length: 21 }, (_, i) => prmFill(i / 20, palette));
    fillTables.set(palette, table);
  }
  return table[Math.max(0, Math.min(20, Math.round(prm * 20)))] ?? palette.unscored;
}

/** The level of detail for scale k: the nearest power of two. */
export function levelOfDetail(k: number): number {
  return 2 ** Math.round(Math.log2(k));
}

class Batches {
  private readonly map = new Map<string, Batch>();
  get(style: string, width: number, alpha: number, dash = false): Path2D {
    const key = `${style}|${width}|${alpha}|${dash}`;
    let b = this.map.get(key);
    if (!b) {
      b = { path: new Path2D(), style, width, alpha, dash };
      this.map.set(key, b);
    }
    return b.path;
  }
  all(): Batch[] {
    return [...this.map.values()];
  }
}

/**
 * Builds the batched geometry of a scene for level of detail `lod`, with nodes where `pos`
 * puts them during a glide, or at their layout places (`pos` null), where only the nodes
 * and links in `region` are visited (layout/regionIndex.ts).
 */
export function buildPaths(
  scene: CanvasScene,
  lod: number,
  glide: ((id: NodeId) => Point | null) | null,
  region: Bounds,
): CanvasPaths {
  const { tree, visible, onPath, palette } = scene;
  const layout = glide ? scene.layout : regionContents(scene.layout, region);
  const pos = glide ?? ((id: NodeId) => scene.layout.byId.get(id) ?? null);
  const inRegion = (p: Point) =>
    p.x >= region.minX && p.x <= region.maxX && p.y >= region.minY && p.y <= region.maxY;
  const curves = lod >= 0.25;
  const tiny = 1.5 / lod; // a dot this size is about 1.5 pixels
  const seen = new Set<string>();
  const lines = new Batches();
  for (const l of layout.links) {
    const child = tree.nodes[l.id];
    const parentId = scene.layout.byId.get(l.id)?.parent;
    const s = parentId === null || parentId === undefined ? null : pos(parentId);
    const e = pos(l.id);
    if (!child || !s || !e) continue;
    const outside = Math.max(s.x, e.x) < region.minX || Math.min(s.x, e.x) > region.maxX;
    if (outside || e.y < region.minY || s.y > region.maxY) continue;
    const look = linkLook(child, onPath.has(l.id), palette);
    if (!curves) {
      // Far out, many links fall on the same pixels: draw each pixel pair once per style.
      const ends = [s.x, s.y, e.x, e.y].map((v) => Math.round(v / tiny)).join(',');
      const key = `${ends},${look.color},${look.opacity}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const path = lines.get(look.color, Math.round(look.width * 2) / 2, look.opacity);
    path.moveTo(s.x, s.y);
    if (curves) {
      const my = (s.y + e.y) / 2;
      path.bezierCurveTo(s.x, my, e.x, my, e.x, e.y);
    } else path.lineTo(e.x, e.y);
  }
  for (const stub of layout.stubs) {
    const s = pos(stub.parent);
    if (!s || !inRegion(stub)) continue;
    const path = lines.get(palette.link, 1, 1, true);
    path.moveTo(s.x, s.y);
    path.lineTo(stub.x, stub.y);
  }

  const fills = new Batches();
  const outlines = new Batches();
  const details: Detail[] = [];
  seen.clear();
  const h = CARD.height;
  // Far out a card is a mark in its PRM colour; closer, a card with a PRM band.
  const marks = !scene.labels || lod < SHORT_DETAIL_SCALE;
  for (const n of layout.nodes) {
    const node = tree.nodes[n.id];
    const at = pos(n.id);
    if (!node || !at || !inRegion(at)) continue;
    const fill = quantisedFill(node.prm, palette);
    const opacity = node.pruned ? PRUNED_OPACITY : 1;
    if (n.w < tiny) {
      // Far out, draw each pixel's dot once per colour.
      const key = `${Math.round(at.x / tiny)},${Math.round(at.y / tiny)},${fill},${opacity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fills.get(fill, 0, opacity).rect(at.x - tiny / 2, at.y - tiny / 2, tiny, tiny);
      continue;
    }
    const look = cardLook(node, onPath.has(n.id), palette, false);
    const x = at.x - n.w / 2;
    const y = at.y - h / 2;
    if (marks) fills.get(fill, 0, look.opacity).rect(x, y, n.w, h);
    else {
      fills.get(look.fill, 0, look.opacity).rect(x, y, n.w, h);
      fills.get(fill, 0, look.opacity).rect(x, y, STRIPE, h);
    }
    if (Math.min(n.w, h) * lod >= 2.5) {
      outlines.get(look.stroke, look.strokeWidth, look.opacity, look.dashed).rect(x, y, n.w, h);
    }
    if (!marks || look.backtrack || look.selfCorrect || visible.hidden.has(n.id)) {
      details.push({ id: n.id, at, w: n.w });
    }
  }
  return {
    lines: lines.all(),
    fills: fills.all(),
    outlines: outlines.all(),
    details,
    lod,
    region,
  };
}

/** The part of the layout a view shows, in layout coordinates, grown by `grow` views each side. */
export function viewRegion(view: CanvasView, grow: number): Bounds {
  const { t, width, height } = view;
  const w = width / t.k;
  const h = height / t.k;
  const x = -t.x / t.k;
  const y = -t.y / t.k;
  return { minX: x - grow * w, maxX: x + w + grow * w, minY: y - grow * h, maxY: y + h + grow * h };
}

/** Whether `inner` lies inside `outer`. */
export function within(inner: Bounds, outer: Bounds): boolean {
  return (
    inner.minX >= outer.minX &&
    inner.maxX <= outer.maxX &&
    inner.minY >= outer.minY &&
    inner.maxY <= outer.maxY
  );
}
