import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { NodeLabel, Overlay } from '../../layout/overlay';
import type { TreeLayout } from '../../layout/tidyTree';
import { cardBox, cardFoldButton } from './encodings';
import { OverlayLabel } from './OverlayLabel';
import type { Palette } from './palette';
import { PhaseOverlay } from './PhaseOverlay';

/** Props of {@link OverlayLayer}. */
export interface OverlayLayerProps {
  tree: SearchTree;
  layout: TreeLayout;
  palette: Palette;
  overlay: Overlay | null;
  sampleLabels: readonly NodeLabel[];
  selectedId: NodeId | null;
  hoveredId: NodeId | null;
  /** The keyboard focus, when the tree has focus. */
  focusId: NodeId | null;
  /** Whether the selected node's subtree is folded (the button then shows +). */
  selectedCollapsed: boolean;
  scale: number;
  /** The zoom: rings keep a few screen pixels around cards too small to see. */
  zoom: number;
  elapsed: number;
  stepMs: number;
}

/**
 * What is drawn over the tree in both modes (SVG and canvas): the phase overlay, best-of-N
 * sample scores, and the rings of the selected, hovered and keyboard-focused nodes with the
 * selected node's fold button. Few elements, so it stays SVG over a canvas too.
 */
export function OverlayLayer(props: OverlayLayerProps) {
  const { tree, layout, palette, overlay, selectedId, hoveredId, focusId, scale } = props;
  const ring = (id: NodeId | null, extra: number) => {
    const p = id === null ? undefined : layout.byId.get(id);
    const node = id === null ? undefined : tree.nodes[id];
    if (!p || !node) return null;
    // Far out a card is a speck: its ring keeps at least a few pixels on screen.
    const reach = Math.max(extra, (extra + 4) / props.zoom - Math.min(p.w, 58) / 2);
    return { ...cardBox(p, reach), cx: p.x, cy: p.y, w: p.w };
  };
  const selected = ring(selectedId, 5);
  const hovered = hoveredId === selectedId ? null : ring(hoveredId, 3);
  const focused = ring(focusId, 9);
  const hasChildren = selectedId !== null && (tree.nodes[selectedId]?.children.length ?? 0) > 0;
  const fold = selected && hasChildren ? cardFoldButton(selected.w) : null;
  return (
    <g>
      {props.sampleLabels.map((l) => (
        <OverlayLabel
          key={l.id}
          at={l.at}
          text={l.text}
          tone={l.tone}
          palette={palette}
          scale={scale}
          {...(l.title !== undefined ? { title: l.title } : {})}
        />
      ))}
      {overlay && (
        <PhaseOverlay
          overlay={overlay}
          tree={tree}
          layout={layout}
          palette={palette}
          scale={scale}
          elapsed={props.elapsed}
          stepMs={props.stepMs}
        />
      )}
      {hovered && (
        <rect
          x={hovered.x}
          y={hovered.y}
          width={hovered.width}
          height={hovered.height}
          rx={8}
          fill="none"
          stroke={palette.hover}
          strokeWidth={1.5}
        />
      )}
      {focused && (
        <rect
          data-ring="focus"
          x={focused.x}
          y={focused.y}
          width={focused.width}
          height={focused.height}
          rx={12}
          fill="none"
          stroke={palette.hover}
          strokeWidth={1.5}
          strokeDasharray="2 3"
        />
      )}
      {selected && (
        <g data-ring="selected" data-node-ref={selectedId ?? undefined}>
          <rect
            x={selected.x}
            y={selected.y}
            width={selected.width}
            height={selected.height}
            rx={10}
            fill="none"
            stroke={palette.selected}
            strokeWidth={3}
          />
          {fold && (
            <g
              transform={`translate(${selected.cx + fold.x},${selected.cy + fold.y})`}
              data-fold={props.selectedCollapsed ? 'unfold' : 'fold'}
            >
              <circle
                r={fold.r}
                fill={palette.labelBg}
                stroke={palette.selected}
                strokeWidth={1.5}
              />
              <path
                d={props.selectedCollapsed ? 'M-3.5,0H3.5M0,-3.5V3.5' : 'M-3.5,0H3.5'}
                stroke={palette.text}
                strokeWidth={1.5}
              />
            </g>
          )}
        </g>
      )}
    </g>
  );
}
