import { memo } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { Bounds, TreeLayout } from '../../layout/tidyTree';
import { inRegion } from '../../layout/regionIndex';
import { cardBox } from './encodings';
import type { Palette } from './palette';

/** Props of {@link FindHighlights}. */
export interface FindHighlightsProps {
  layout: TreeLayout;
  matches: readonly NodeId[];
  currentId: NodeId | null;
  palette: Palette;
  /** The part of the layout in view (and around it): only its matches are drawn. */
  region: Bounds;
  zoom: number;
}

/**
 * Halos around the cards the find box matched, over the tree in both modes (SVG and canvas):
 * a violet band around each match in view, a thicker one around the current match. Far out,
 * where a card is a speck, a halo keeps a few screen pixels.
 */
export const FindHighlights = memo(function FindHighlights(props: FindHighlightsProps) {
  const { layout, matches, currentId, palette, region, zoom } = props;
  if (matches.length === 0) return null;
  const wanted = new Set(matches);
  const shown = inRegion(layout, region).nodes.filter((n) => wanted.has(n.id));
  const reach = (extra: number, w: number) =>
    Math.max(extra, (extra + 5) / zoom - Math.min(w, 58) / 2);
  return (
    <g data-layer="found" pointerEvents="none">
      {shown.map((n) => {
        const current = n.id === currentId;
        const box = cardBox(n, reach(current ? 11 : 7, n.w));
        return (
          <rect
            key={n.id}
            data-found={n.id}
            data-found-current={current ? 'true' : undefined}
            x={box.x}
            y={box.y}
            width={box.width}
            height={box.height}
            rx={12}
            fill="none"
            stroke={palette.found}
            strokeOpacity={current ? 1 : 0.85}
            strokeWidth={current ? 5 : 3.5}
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
    </g>
  );
});
