import { memo } from 'react';
import type { TreeNode } from '../../core/tree/tree';
import {
  BADGE_FONT,
  backtrackMarker,
  badgeCentre,
  nodeLook,
  pillSize,
  selfCorrectMarker,
} from './encodings';
import type { Palette } from './palette';
import { diamondPath } from './TreeNodeMark';

/** Props of {@link TreeNodeDot}. */
export interface TreeNodeDotProps {
  node: TreeNode;
  x: number;
  y: number;
  onPath: boolean;
  selected: boolean;
  /** Descendants folded away under this node (0: not collapsed). */
  hidden: number;
  palette: Palette;
}

/**
 * One node drawn as a dot (the compare view's small trees): a circle sized by log visits and filled by PRM score, a terminal
 * glyph, the backtracking and self-correction markers, a "+N" badge when collapsed; faded when
 * pruned. Positioned with a CSS transform so a moving node glides (tree.css). Memoised: node
 * objects are immutable, so an unchanged node does not redraw.
 */
export const TreeNodeDot = memo(function TreeNodeDot({
  node,
  x,
  y,
  onPath,
  selected,
  hidden,
  palette,
}: TreeNodeDotProps) {
  const look = nodeLook(node, onPath, palette);
  const { r } = look;
  const bt = backtrackMarker(r);
  const sc = selfCorrectMarker(r);
  const badge = badgeCentre(r);
  const badgeText = `+${hidden}`;
  const pill = pillSize(badgeText, BADGE_FONT);
  return (
    <g
      className="arbor-node"
      style={{ transform: `translate(${x}px, ${y}px)` }}
      opacity={look.opacity}
      data-node-id={node.id}
      data-on-path={onPath || undefined}
      data-selected={selected || undefined}
      data-collapsed={hidden > 0 || undefined}
    >
      <g className="arbor-enter">
        <circle
          r={r}
          fill={look.fill}
          stroke={look.stroke}
          strokeWidth={look.strokeWidth}
          strokeDasharray={look.dashed ? '3 2' : undefined}
        />
        {look.glyph && (
          <text x={r + 3} y={4.5} fontSize={13} fontWeight={700} fill={look.glyphColor}>
            {look.glyph}
          </text>
        )}
        {look.backtrack && (
          <path
            d={diamondPath(bt.x, bt.y, bt.size)}
            fill={palette.backtrack}
            stroke={palette.background}
            strokeWidth={0.75}
          />
        )}
        {look.selfCorrect && (
          <path
            d={diamondPath(sc.x, sc.y, sc.size)}
            fill="none"
            stroke={palette.backtrack}
            strokeWidth={1.5}
          />
        )}
        {hidden > 0 && (
          <g transform={`translate(${badge.x},${badge.y})`}>
            <rect
              x={-pill.width / 2}
              y={-pill.height / 2}
              width={pill.width}
              height={pill.height}
              rx={pill.height / 2}
              fill={palette.badgeBg}
            />
            <text
              y={BADGE_FONT / 2 - 1}
              textAnchor="middle"
              fontSize={BADGE_FONT}
              fontWeight={600}
              fill={palette.badgeText}
            >
              {badgeText}
            </text>
          </g>
        )}
      </g>
    </g>
  );
});
