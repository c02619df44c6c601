import { memo } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { TreeLayout } from '../../layout/tidyTree';
import { cardBox } from './encodings';
import type { Palette } from './palette';

/** Props of {@link LessonHighlights}. */
export interface LessonHighlightsProps {
  layout: TreeLayout;
  /** The lesson step's highlighted node ids (those folded away or not yet grown are skipped). */
  ids: readonly NodeId[];
  palette: Palette;
  zoom: number;
}

/**
 * The nodes a lesson step highlights, drawn over the tree in both modes (SVG and canvas): a
 * thick orange ring that reads across a classroom, set off from the card by a gap of the
 * background's colour, so it is neither the selection's thin magenta ring nor the find box's
 * violet halo. Far out, where a card is a speck, the ring keeps a few screen pixels.
 */
export const LessonHighlights = memo(function LessonHighlights(props: LessonHighlightsProps) {
  const { layout, ids, palette, zoom } = props;
  const shown = ids.flatMap((id) => {
    const n = layout.byId.get(id);
    return n ? [n] : [];
  });
  if (shown.length === 0) return null;
  const reach = (w: number) => Math.max(9, 14 / zoom - Math.min(w, 58) / 2);
  return (
    <g data-layer="lesson-highlight" pointerEvents="none">
      {shown.map((n) => {
        const box = cardBox(n, reach(n.w));
        return (
          <g key={n.id} data-lesson-highlight={n.id}>
            <rect
              x={box.x}
              y={box.y}
              width={box.width}
              height={box.height}
              rx={14}
              fill="none"
              stroke={palette.background}
              strokeWidth={11}
              vectorEffect="non-scaling-stroke"
            />
            <rect
              x={box.x}
              y={box.y}
              width={box.width}
              height={box.height}
              rx={14}
              fill="none"
              stroke={palette.lesson}
              strokeWidth={6}
              vectorEffect="non-scaling-stroke"
            />
          </g>
        );
      })}
    </g>
  );
});
