import { useEffect } from 'react';
import type { Size, Transform } from '../../layout/fit';
import { fitTransform, followTransform, pad, sameTransform } from '../../layout/fit';
import type { Overlay } from '../../layout/overlay';
import { FULL_DETAIL_SCALE } from '../../layout/card';
import { overlayBounds, overlayFocus } from '../../layout/overlayExtent';
import type { TreeLayout } from '../../layout/tidyTree';
import type { Zoom } from './useZoom';

/** Room around the cards (bounds hold their widths) for half a card's height and the labels
 * written under it, in layout units. */
export const TREE_MARGIN = 60;
/** Screen pixels at the top of the viewport kept for the toolbar. */
export const TOOLBAR_INSET = 30;
/**
 * Fit and follow options: a small tree is not blown up past 1.4×; following never goes below
 * 0.85×, where a card's 15 px step reads at about 13 px (a tree too wide for that is followed
 * by panning, and Fit shows all of it in short forms or marks), except to show an event's
 * nodes whole, down to the scale where cards still show every line.
 */
export const VIEW_OPTIONS = {
  padding: 12,
  maxScale: 1.4,
  readableScale: 0.85,
  actionScale: FULL_DETAIL_SCALE,
  margin: 40,
  insetTop: TOOLBAR_INSET,
};

/**
 * The transform that shows the whole (drawn) tree below the toolbar.
 * @param insetTop screen pixels the toolbar takes at the top (its measured height)
 */
export function fitView(layout: TreeLayout, size: Size, insetTop = TOOLBAR_INSET): Transform {
  return fitTransform(pad(layout.bounds, TREE_MARGIN), size, { ...VIEW_OPTIONS, insetTop });
}

/**
 * While `follow` is on, moves the view to the action each time the tree or the event changes:
 * the whole tree while it fits at a readable scale, else a pan to the current event's nodes.
 * `durationMs` is how long the glide takes (0: a jump); `insetTop` the screen pixels the
 * toolbar takes at the top, where nothing followed is left.
 */
export function useFollow(
  follow: boolean,
  layout: TreeLayout,
  overlay: Overlay | null,
  size: Size,
  zoom: Pick<Zoom, 'zoomTo' | 'current'>,
  durationMs: number,
  insetTop = TOOLBAR_INSET,
): void {
  const { zoomTo, current } = zoom;
  useEffect(() => {
    if (!follow || size.width === 0 || size.height === 0 || layout.nodes.length === 0) return;
    const action = overlayBounds(overlay, layout);
    const focus = overlayFocus(overlay, layout);
    const now = current();
    const target = followTransform(
      now,
      pad(layout.bounds, TREE_MARGIN),
      action && pad(action, TREE_MARGIN),
      size,
      { ...VIEW_OPTIONS, insetTop },
      focus && pad(focus, TREE_MARGIN),
    );
    if (!sameTransform(now, target)) zoomTo(target, durationMs);
  }, [follow, layout, overlay, size, zoomTo, current, durationMs, insetTop]);
}
