import { memo } from 'react';
import type { SearchTree, TreeNode } from '../../core/tree/tree';
import type { CardDetail, CardTitle } from '../../layout/card';
import { CARD } from '../../layout/card';
import { cardRuns } from './cardText';
import { BADGE_FONT, STRIPE, cardBadgeCentre, cardLook, cardMarkers, pillSize } from './encodings';
import type { Palette } from './palette';

/** A diamond path centred on (x, y). */
export function diamondPath(x: number, y: number, s: number): string {
  return `M${x},${y - s}L${x + s},${y}L${x},${y + s}L${x - s},${y}Z`;
}

/** A triangle pointing up, centred on (x, y): the PRM-disagreement mark. */
export function trianglePath(x: number, y: number, s: number): string {
  return `M${x},${y - s}L${x + s},${y + s * 0.8}L${x - s},${y + s * 0.8}Z`;
}

/** Props of {@link TreeNodeMark}. */
export interface TreeNodeMarkProps {
  node: TreeNode;
  x: number;
  y: number;
  /** The card's width (from the layout). */
  w: number;
  title: CardTitle;
  algorithm: SearchTree['algorithm'];
  detail: CardDetail;
  onPath: boolean;
  selected: boolean;
  /** The PRM score disagrees with the truth at this node. */
  disagree: boolean;
  /** Descendants folded away under this node (0: not collapsed). */
  hidden: number;
  palette: Palette;
}

/**
 * One node of the SVG tree as a card: its step in short form, N and Q (MCTS) or its PRM score
 * (beam, best-of-N), the PRM score as a coloured band and a number, how it ended (✓ the
 * answer, ✗ the wrong answer, ⊘ why the step is invalid); markers at its corners
 * (backtracking, self-correction, PRM disagreeing with the truth) and a "+N" badge below when
 * folded. Far out it shows only its short form, then only its colour (`detail`). Positioned
 * with a CSS transform so a moving card glides (tree.css). Memoised: node objects are
 * immutable, so an unchanged node does not redraw.
 */
export const TreeNodeMark = memo(function TreeNodeMark(props: TreeNodeMarkProps) {
  const { node, x, y, w, title, detail, palette, hidden } = props;
  const look = cardLook(node, props.onPath, palette, props.disagree);
  const h = CARD.height;
  const left = -w / 2;
  const top = -h / 2;
  const m = cardMarkers(w, h);
  const mark = detail === 'mark';
  const badgeText = `+${hidden}`;
  const pill = pillSize(badgeText, BADGE_FONT);
  return (
    <g
      className="arbor-node"
      style={{ transform: `translate(${x}px, ${y}px)` }}
      opacity={look.opacity}
      data-node-id={node.id}
      data-on-path={props.onPath || undefined}
      data-selected={props.selected || undefined}
      data-collapsed={hidden > 0 || undefined}
      data-outcome={node.terminal?.kind}
      data-pruned={node.pruned || undefined}
      data-disagree={props.disagree || undefined}
    >
      <g className="arbor-enter">
        <rect
          data-card="box"
          x={left}
          y={top}
          width={w}
          height={h}
          rx={6}
          fill={mark ? look.stripe : look.fill}
          stroke={look.stroke}
          strokeWidth={mark ? look.strokeWidth * 2 : look.strokeWidth}
          strokeDasharray={look.dashed ? '5 3' : undefined}
        />
        {!mark && (
          <path
            d={`M${left + 6},${top}H${left + STRIPE}V${top + h}H${left + 6}A6,6 0 0 1 ${left},${top + h - 6}V${top + 6}A6,6 0 0 1 ${left + 6},${top}Z`}
            fill={look.stripe}
          />
        )}
        {cardRuns(node, title, props.algorithm, w, detail, palette).map((run) => (
          <text
            key={run.role}
            data-card={run.role}
            x={run.x}
            y={run.y}
            fontSize={run.size}
            fontWeight={run.bold ? 700 : 500}
            textAnchor={run.anchor}
            fill={run.fill}
          >
            {run.text}
          </text>
        ))}
        {look.backtrack && (
          <path
            d={diamondPath(m.backtrack.x, m.backtrack.y, m.backtrack.size)}
            fill={palette.backtrack}
            stroke={palette.background}
            strokeWidth={1}
          />
        )}
        {look.selfCorrect && (
          <path
            d={diamondPath(m.selfCorrect.x, m.selfCorrect.y, m.selfCorrect.size)}
            fill={palette.background}
            stroke={palette.backtrack}
            strokeWidth={2}
          />
        )}
        {look.disagree && (
          <path
            data-card="disagree"
            d={trianglePath(m.disagree.x, m.disagree.y, m.disagree.size)}
            fill={palette.disagree}
            stroke={palette.background}
            strokeWidth={1}
          />
        )}
        {hidden > 0 && (
          <g transform={`translate(0,${cardBadgeCentre().y})`}>
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
