import { CARD } from '../../layout/card';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import type { SearchTree } from '../../core/tree/tree';
import { findNodeByPath, ghostLabel, ghostSlot } from '../../layout/draftGhost';
import type { Size, Transform } from '../../layout/fit';
import type { TreeLayout } from '../../layout/tidyTree';
import { linkPath } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import type { Store } from '../../store';
import { useArbor } from '../../store';
import { nodeRadius } from './encodings';
import { OverlayLabel } from './OverlayLabel';
import type { Palette } from './palette';

/** Props of {@link DraftGhost}: what the tree view already has. */
export interface DraftGhostProps {
  model: { tree: SearchTree; layout: TreeLayout; visible: VisibleTree; palette: Palette };
  transform: Transform;
  size: Size;
  /** Counter-scales the label against the zoom (as the overlay's labels). */
  scale: number;
}

const selectDraft = (s: Store) => s.draft;

/**
 * The step a model is writing right now, drawn as a ghost child in the tree: a dashed,
 * unfilled node joined by a dashed link to the node it continues, with the streaming text (as
 * a text node, never HTML) in a small label. It sits in a free spot of the next row, so no
 * real node moves, and is left out when that node is not drawn or is folded. Its own SVG layer
 * over the SVG or canvas tree, subscribed to the draft alone: a new token redraws only this.
 */
export function DraftGhost({ model, transform, size, scale }: DraftGhostProps) {
  const draft = useArbor(selectDraft);
  const { tree, layout, visible, palette } = model;
  const steps = draft?.parentSteps;
  const parent = steps ? findNodeByPath(tree, steps) : null; // a short walk: each token
  // Beside the last child's card: a card's width and a gap to the right of its centre.
  const slot = useMemo(
    () => ghostSlot(layout, visible, parent, CARD.minWidth + CARD.gapX),
    [layout, visible, parent],
  );
  if (!draft || !slot) return null;
  const r = nodeRadius(0);
  const d = linkPath({ source: slot.from, target: slot.at });
  return (
    <svg
      width={size.width}
      height={size.height}
      className="pointer-events-none absolute inset-0 select-none"
      data-layer="draft"
    >
      <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
        <g key={slot.parent} role="img" aria-label="writing…" data-ghost-parent={slot.parent}>
          <path
            className="arbor-link"
            d={d}
            style={{ d: `path("${d}")` } as CSSProperties}
            fill="none"
            stroke={palette.ghost}
            strokeWidth={1.25}
            strokeDasharray="4 3"
          />
          <g
            className="arbor-node"
            style={{ transform: `translate(${slot.at.x}px, ${slot.at.y}px)` }}
          >
            <circle
              className="arbor-enter"
              r={r}
              fill="none"
              stroke={palette.ghost}
              strokeWidth={1.5}
              strokeDasharray="3 2"
              data-ghost="node"
            />
            <OverlayLabel
              at={{ x: 0, y: r + 4 + 8 * scale }}
              text={ghostLabel(draft.text)}
              tone="muted"
              palette={palette}
              scale={scale}
            />
          </g>
        </g>
      </g>
    </svg>
  );
}
