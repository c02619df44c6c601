import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { Overlay } from '../../layout/overlay';
import type { TreeLayout } from '../../layout/tidyTree';
import { LABEL_BELOW } from '../../layout/overlay';
import { OverlayLabel } from './OverlayLabel';
import type { Palette } from './palette';
import { BackpropOverlay, RolloutOverlay, Ring, SelectOverlay } from './TimedOverlays';

/** Props of {@link PhaseOverlay}. */
export interface PhaseOverlayProps {
  overlay: Overlay;
  tree: SearchTree;
  layout: TreeLayout;
  palette: Palette;
  /** Label scale against the zoom. */
  scale: number;
  /** Milliseconds since the event came up (Infinity: show the final state). */
  elapsed: number;
  /** Milliseconds per stage (a selection level, a rollout step, a backprop stop). */
  stepMs: number;
}

/**
 * The overlay of the event at the cursor: the selection descending level by level with each
 * candidate's UCB on its edge (★ the winner, ∞ unvisited); new children ringed; the rollout as
 * dashed ghost steps with its answer and reward; the value travelling up with N and Q changing
 * on each node; scores of pruned and kept beams.
 */
export function PhaseOverlay(props: PhaseOverlayProps) {
  const { overlay, tree, layout, palette, scale } = props;
  const below = (id: NodeId) => {
    const p = layout.byId.get(id);
    return p ? { x: p.x, y: p.y + LABEL_BELOW } : null;
  };
  const above = (id: NodeId) => {
    const p = layout.byId.get(id);
    return p ? { x: p.x, y: p.y - LABEL_BELOW } : null;
  };
  switch (overlay.kind) {
    case 'select':
      return <SelectOverlay {...props} overlay={overlay} below={below} />;
    case 'simulate':
      return <RolloutOverlay {...props} overlay={overlay} below={below} />;
    case 'backprop':
      return <BackpropOverlay {...props} overlay={overlay} below={below} />;
    case 'expand': {
      const at = above(overlay.node);
      const n = overlay.children.length;
      const text = overlay.skipped
        ? `not expanded: ${overlay.skipped.replace('-', ' ')}`
        : `${n} new ${n === 1 ? 'step' : 'steps'}`;
      return (
        <g data-overlay="expand">
          <Ring id={overlay.node} tree={tree} layout={layout} color={palette.path} />
          {overlay.children.map((id) => (
            <Ring key={id} id={id} tree={tree} layout={layout} color={palette.good} pulse />
          ))}
          {at && <OverlayLabel at={at} text={text} tone="plain" palette={palette} scale={scale} />}
        </g>
      );
    }
    case 'marks':
      return (
        <g data-overlay="marks">
          {overlay.ids.map((id) => (
            <Ring key={id} id={id} tree={tree} layout={layout} color={palette.path} pulse />
          ))}
          {overlay.labels.map((l) => (
            <OverlayLabel
              key={l.id}
              at={l.at}
              text={l.text}
              tone={l.tone}
              palette={palette}
              scale={scale}
            />
          ))}
        </g>
      );
  }
}
