import type { Bounds } from '../../layout/tidyTree';
import type { Size, Transform } from '../../layout/fit';
import { fitTransform } from '../../layout/fit';
import { CARD } from '../../layout/card';
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
