import type { Bounds, Point } from './tidyTree';

/**
 * Zoom transforms as numbers: screen = layout · k + (x, y), the convention of d3-zoom's
 * ZoomTransform. Fit-to-view and "follow the action" are computed here, without a DOM.
 */

/** A zoom transform: scale `k`, then translate by (x, y). */
export interface Transform {
  x: number;
  y: number;
  k: number;
}

/** A viewport size in screen pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Options of {@link fitTransform}. */
export interface FitOptions {
  /** Screen pixels kept free on every side. */
  padding?: number;
  /** Largest scale: a small tree is not blown up past this. */
  maxScale?: number;
  /** Screen pixels at the top kept for a toolbar, on top of the padding. */
  insetTop?: number;
}

export const IDENTITY: Transform = { x: 0, y: 0, k: 1 };

/** Screen position of a layout point. */
export function apply(t: Transform, p: Point): Point {
  return { x: p.x * t.k + t.x, y: p.y * t.k + t.y };
}

/** Layout position of a screen point. */
export function invert(t: Transform, p: Point): Point {
  return { x: (p.x - t.x) / t.k, y: (p.y - t.y) / t.k };
}

/** Bounds grown by `margin` on every side. */
export function pad(b: Bounds, margin: number): Bounds {
  return {
    minX: b.minX - margin,
    maxX: b.maxX + margin,
    minY: b.minY - margin,
    maxY: b.maxY + margin,
  };
}

/** The smallest bounds holding both. */
export function union(a: Bounds, b: Bounds): Bounds {
  return {
    minX: Math.min(a.minX, b.minX),
    maxX: Math.max(a.maxX, b.maxX),
    minY: Math.min(a.minY, b.minY),
    maxY: Math.max(a.maxY, b.maxY),
  };
}

/** The bounds of some points, or null for none. */
export function boundsOf(points: Iterable<Point>): Bounds | null {
  let b: Bounds | null = null;
  for (const p of points) {
    b = b
      ? {
          minX: Math.min(b.minX, p.x),
          maxX: Math.max(b.maxX, p.x),
          minY: Math.min(b.minY, p.y),
          maxY: Math.max(b.maxY, p.y),
        }
      : { minX: p.x, maxX: p.x, minY: p.y, maxY: p.y };
  }
  return b;
}

/**
 * The transform that shows all of `bounds` centred in the viewport, as large as fits.
 * @example fitTransform({ minX: -100, maxX: 100, minY: 0, maxY: 100 }, { width: 440, height: 240 }, { padding: 20 })
 * // { k: 2, x: 220, y: 20 }: 200 × 100 scaled by 2 fills 400 × 200 inside the padding
 */
export function fitTransform(bounds: Bounds, viewport: Size, options: FitOptions = {}): Transform {
  const padding = options.padding ?? 0;
  const maxScale = options.maxScale ?? Infinity;
  const top = options.insetTop ?? 0;
  const w = Math.max(bounds.maxX - bounds.minX, 1e-9);
  const h = Math.max(bounds.maxY - bounds.minY, 1e-9);
  const room = {
    width: Math.max(viewport.width - 2 * padding, 1),
    height: Math.max(viewport.height - top - 2 * padding, 1),
  };
  const k = Math.min(room.width / w, room.height / h, maxScale);
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { k, x: viewport.width / 2 - cx * k, y: top + (viewport.height - top) / 2 - cy * k };
}

/**
 * The smallest pan that brings `box` inside the viewport (less `margin`, and less `insetTop`
 * at the top) at scale `t.k`; when the box is larger than the viewport, its centre is centred
 * instead.
 */
export function revealTransform(
  t: Transform,
  box: Bounds,
  viewport: Size,
  margin = 0,
  insetTop = 0,
): Transform {
  const axis = (min: number, max: number, offset: number, extent: number): number => {
    const lo = min * t.k + offset;
    const hi = max * t.k + offset;
    if (hi - lo > extent - 2 * margin) return extent / 2 - ((min + max) / 2) * t.k;
    if (lo < margin) return offset + (margin - lo);
    if (hi > extent - margin) return offset - (hi - (extent - margin));
    return offset;
  };
  return {
    k: t.k,
    x: axis(box.minX, box.maxX, t.x, viewport.width),
    // The rows under a toolbar at the top are not in view: reveal below it.
    y: axis(box.minY, box.maxY, t.y - insetTop, viewport.height - insetTop) + insetTop,
  };
}

/**
 * The view centred on `p` (below `insetTop`, the toolbar's strip), at the current scale or
 * `minScale` if that is larger (a node found far out is brought close enough to read).
 * @example centreTransform({ k: 0.5, x: 0, y: 0 }, { x: 100, y: 50 }, { width: 800, height: 600 }, 1)
 *   // { k: 1, x: 300, y: 250 }
 */
export function centreTransform(
  t: Transform,
  p: Point,
  viewport: Size,
  minScale: number,
  insetTop = 0,
): Transform {
  const k = Math.max(t.k, minScale);
  return {
    k,
    x: viewport.width / 2 - p.x * k,
    y: insetTop + (viewport.height - insetTop) / 2 - p.y * k,
  };
}

/** Options of {@link followTransform}. */
export interface FollowOptions extends FitOptions {
  /** The smallest scale worth following at: below it nodes are too small to read. */
  readableScale: number;
  /** Screen pixels kept between the action and the viewport's edge. */
  margin?: number;
  /**
   * The smallest scale following may zoom out to so that all of the action is in view (at
   * least `readableScale` otherwise); past it, only the action's focus is revealed.
   */
  actionScale?: number;
}

/**
 * Where the view goes to follow the action: the whole tree (with the action, which may reach
 * past it, as a rollout's ghost steps do) when it fits at a readable scale;
 * otherwise the current scale (at least readable) panned just enough to show `action`.
 * @param current the current transform
 * @param tree the bounds of the whole tree
 * @param action the bounds of the nodes the current event is about (null: just the tree)
 * @param focus the bounds of the one node the event is mostly about, shown when the whole
 *   action does not fit
 */
export function followTransform(
  current: Transform,
  tree: Bounds,
  action: Bounds | null,
  viewport: Size,
  options: FollowOptions,
  focus: Bounds | null = null,
): Transform {
  const all = action === null ? tree : union(tree, action);
  const fit = fitTransform(all, viewport, options);
  if (fit.k >= options.readableScale || action === null) return fit;
  let k = Math.max(current.k, options.readableScale);
  // An action wider than the view zooms out as far as `actionScale` to be seen whole; past
  // that, the view goes to its focus (the node the event is about).
  const actionFit = fitTransform(action, viewport, options).k;
  let target = action;
  if (actionFit < k) {
    k = Math.max(actionFit, Math.min(k, options.actionScale ?? k));
    if (actionFit < k && focus) target = focus;
  }
  // Keep the point at the viewport's centre where it is while changing the scale.
  const c = invert(current, { x: viewport.width / 2, y: viewport.height / 2 });
  const scaled = { k, x: viewport.width / 2 - c.x * k, y: viewport.height / 2 - c.y * k };
  return revealTransform(scaled, target, viewport, options.margin ?? 0, options.insetTop ?? 0);
}

/** Whether two transforms are the same to within half a pixel and 0.1% of scale. */
export function sameTransform(a: Transform, b: Transform): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.k / b.k - 1) < 1e-3;
}
