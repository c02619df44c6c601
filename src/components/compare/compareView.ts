import type { NodeId } from '../../core/tree/events';
import type { Bounds } from '../../layout/tidyTree';
import type { Size, Transform } from '../../layout/fit';
import { fitTransform, union } from '../../layout/fit';
import { CARD, FULL_DETAIL_SCALE } from '../../layout/card';
import type { TreeLayout } from '../../layout/tidyTree';

/**
 * Where a compare pane looks: Fit shows every drawn card whole (the layout's bounds hold the
 * cards' widths; their height, the ring drawn around a highlighted card and the "+N" badge
 * under a folded one are added here), below the pane's Fit button. Pure numbers, tested
 * without a DOM.
 */

/** Screen pixels at the top of a pane kept for its toolbar (the Fit button). */
export const COMPARE_TOOLBAR = 28;
/** Room around the cards' centres' bounds, in layout units: the ring on the sides; half a
 *  card, its ring and the "+N" badge under it above and below. */
export const CARD_ROOM = { x: 12, y: CARD.height / 2 + 24 } as const;
/** Fit's options: a little room at the edges, and a small tree not blown up past 1.2×. */
export const COMPARE_FIT = { padding: 8, maxScale: 1.2, insetTop: COMPARE_TOOLBAR } as const;

/** The bounds Fit shows: the drawn cards with {@link CARD_ROOM} around. */
export function fitBounds(layout: TreeLayout): Bounds {
  const { minX, maxX, minY, maxY } = layout.bounds;
  return {
    minX: minX - CARD_ROOM.x,
    maxX: maxX + CARD_ROOM.x,
    minY: minY - CARD_ROOM.y,
    maxY: maxY + CARD_ROOM.y,
  };
}

/**
 * The transform that shows the whole drawn tree in a pane of `size`.
 * @example compareFit(layout, { width: 600, height: 400 }) // every card inside 600 × 400
 */
export function compareFit(layout: TreeLayout, size: Size): Transform {
  return fitTransform(fitBounds(layout), size, COMPARE_FIT);
}

/** A card's box with its ring, in layout units (what revealing a node brings into view). */
export function cardBox(p: { x: number; y: number; w: number }): Bounds {
  const half = p.w / 2 + 8;
  return { minX: p.x - half, maxX: p.x + half, minY: p.y - CARD_ROOM.y, maxY: p.y + CARD_ROOM.y };
}

/**
 * Where a pane opens in presentation mode, for a class reading from across the room: the
 * whole tree when its cards can be read fitted whole (their full labels: step, N and Q or the
 * PRM score, at `minScale` or more); else the answer's line (`focus`, the root when empty) at
 * a scale that writes full labels — fitted when it fits, else at `minScale` with the line's
 * top (the root's end) under the toolbar, centred across, or, when the line is too wide, the
 * root's card at the edge the line leaves from. Fit still shows the whole tree.
 * @example readableOpening(wide, [0, 2, 7], { width: 300, height: 300 }).k // 0.6
 */
export function readableOpening(
  layout: TreeLayout,
  focus: readonly NodeId[],
  size: Size,
  minScale = FULL_DETAIL_SCALE,
): Transform {
  const whole = compareFit(layout, size);
  if (whole.k >= minScale) return whole;
  const boxes = (focus.length > 0 ? focus : [0])
    .map((id) => layout.byId.get(id))
    .filter((p) => p !== undefined)
    .map(cardBox);
  if (boxes.length === 0) return whole;
  const line = boxes.reduce(union);
  const fitted = fitTransform(line, size, COMPARE_FIT);
  if (fitted.k >= minScale) return fitted;
  const k = minScale;
  const pad = COMPARE_FIT.padding;
  const y = COMPARE_TOOLBAR + pad - line.minY * k;
  if ((line.maxX - line.minX) * k <= size.width - 2 * pad) {
    return { k, x: size.width / 2 - ((line.minX + line.maxX) / 2) * k, y };
  }
  // Too wide across: the root's card at the edge the line leaves from, the line going in.
  const root = boxes.reduce((a, b) => (b.minY < a.minY ? b : a));
  const leftward = line.minX + line.maxX < root.minX + root.maxX;
  return { k, x: leftward ? size.width - pad - root.maxX * k : pad - root.minX * k, y };
}
