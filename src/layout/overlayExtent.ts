import type { NodeId } from '../core/tree/events';
import { boundsOf } from './fit';
import type { BackpropStop, Overlay } from './overlay';
import type { Bounds, Point, TreeLayout } from './tidyTree';
import { pointOnLink } from './tidyTree';

/**
 * Where an overlay reaches and how it unfolds in time: the points "follow" keeps in view, the
 * travelling value of a backpropagation, the number of timed stages.
 */

/** The layout points an overlay covers (nodes, labels, ghosts): what "follow" keeps in view. */
export function overlayPoints(overlay: Overlay | null, layout: TreeLayout): Point[] {
  if (!overlay) return [];
  // A node reaches across its card: its two side edges.
  const ids = (list: NodeId[]) =>
    list.flatMap((id) => {
      const p = layout.byId.get(id);
      return p
        ? [
            { x: p.x - p.w / 2, y: p.y },
            { x: p.x + p.w / 2, y: p.y },
          ]
        : [];
    });
  switch (overlay.kind) {
    case 'select':
      return [
        ...ids(overlay.path),
        ...overlay.labels.flatMap((l) => [
          { x: l.at.x - l.room / 2, y: l.at.y },
          { x: l.at.x + l.room / 2, y: l.at.y },
        ]),
      ];
    case 'expand':
      return ids([overlay.node, ...overlay.children]);
    case 'simulate':
      return [overlay.origin, ...overlay.ghosts.map((g) => g.at)];
    case 'backprop':
      return ids(overlay.stops.map((s) => s.id));
    case 'marks':
      return [...ids(overlay.ids), ...overlay.labels.map((l) => l.at)];
  }
}

/**
 * The node an overlay is mostly about, as its card's bounds: the selected leaf, the expanded
 * node, the simulated node, the leaf a backpropagation starts from, the first marked node.
 */
export function overlayFocus(overlay: Overlay | null, layout: TreeLayout): Bounds | null {
  if (!overlay) return null;
  const id =
    overlay.kind === 'select'
      ? overlay.path[overlay.path.length - 1]
      : overlay.kind === 'expand'
        ? overlay.node
        : overlay.kind === 'simulate'
          ? overlay.from
          : overlay.kind === 'backprop'
            ? overlay.stops[0]?.id
            : overlay.ids[0];
  const p = id === undefined ? undefined : layout.byId.get(id);
  if (!p) return null;
  const ghosts = overlay.kind === 'simulate' ? overlay.ghosts.map((g) => g.at) : [];
  return boundsOf([{ x: p.x - p.w / 2, y: p.y }, { x: p.x + p.w / 2, y: p.y }, ...ghosts]);
}

/** The bounds of {@link overlayPoints}, or null. */
export function overlayBounds(overlay: Overlay | null, layout: TreeLayout): Bounds | null {
  return boundsOf(overlayPoints(overlay, layout));
}

/**
 * Where the travelling value of a backpropagation is after `progress` stops (0 at the leaf,
 * `stops.length - 1` at the root), following each edge's curve upwards.
 */
export function backpropDot(stops: readonly BackpropStop[], progress: number): Point | null {
  const first = stops[0];
  if (!first) return null;
  const p = Math.max(0, Math.min(progress, stops.length - 1));
  const i = Math.min(Math.floor(p), stops.length - 2);
  const child = stops[i];
  const parent = stops[i + 1];
  if (!child || !parent) return first.at;
  return pointOnLink({ source: parent.at, target: child.at }, 1 - (p - i));
}

/**
 * How many timed stages an overlay has: one per selection level, rollout step or
 * backpropagation stop (at least one); the clock runs `stages × step` milliseconds.
 */
export function overlayStages(overlay: Overlay | null): number {
  if (!overlay) return 0;
  switch (overlay.kind) {
    case 'select':
      return Math.max(1, overlay.levels);
    case 'simulate':
      return Math.max(1, overlay.ghosts.length);
    case 'backprop':
      return Math.max(1, overlay.stops.length);
    default:
      return 1;
  }
}
