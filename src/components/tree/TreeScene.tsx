import type { CSSProperties } from 'react';
import { memo } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { CardBook, CardDetail } from '../../layout/card';
import { CARD, STUB_WIDTH } from '../../layout/card';
import { prmDisagrees } from '../../layout/prmTruth';
import type { TreeLayout } from '../../layout/tidyTree';
import { linkPath } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import { BADGE_FONT, linkLook, pillSize, stubText } from './encodings';
import type { Palette } from './palette';
import { TreeNodeDot } from './TreeNodeDot';
import { TreeNodeMark } from './TreeNodeMark';

/** Props of {@link TreeScene}. */
export interface TreeSceneProps {
  tree: SearchTree;
  layout: TreeLayout;
  visible: VisibleTree;
  onPath: ReadonlySet<NodeId>;
  selectedId: NodeId | null;
  palette: Palette;
  /** The card titles: nodes are drawn as cards, or as dots without them (compare view). */
  cards?: CardBook;
  /** How much of each card the zoom lets a reader see. */
  detail?: CardDetail;
  /** Whether the task's rule verifier sees the whole truth (for PRM-disagreement marks). */
  exactRule?: boolean;
}

/** A link's path as a CSS `d` too, so a moving link glides with its nodes (tree.css). */
function pathStyle(d: string): CSSProperties {
  return { d: `path("${d}")` } as CSSProperties;
}

/**
 * The tree drawn as SVG by React from the tidy layout: links (width by visits), "+N more"
 * stubs and node cards (TreeNodeMark), each keyed by node id so a growing tree animates the right elements
 * (STYLE.md §5). It draws in layout coordinates; the zoom transform is applied around it.
 */
export const TreeScene = memo(function TreeScene({
  tree,
  layout,
  visible,
  onPath,
  selectedId,
  palette,
  cards,
  detail = 'full',
  exactRule = false,
}: TreeSceneProps) {
  return (
    <g>
      <g fill="none">
        {layout.links.map((link) => {
          const child = tree.nodes[link.id];
          if (!child) return null;
          const look = linkLook(child, onPath.has(link.id), palette);
          const d = linkPath(link);
          return (
            <path
              key={link.id}
              className="arbor-link"
              d={d}
              style={pathStyle(d)}
              stroke={look.color}
              strokeWidth={look.width}
              strokeLinecap="round"
              opacity={look.opacity}
            />
          );
        })}
        {layout.stubs.map((s) => {
          const from = layout.byId.get(s.parent);
          if (!from) return null;
          const d = linkPath({ source: from, target: s });
          return (
            <path
              key={`more-${s.parent}`}
              className="arbor-link"
              d={d}
              style={pathStyle(d)}
              stroke={palette.link}
              strokeDasharray="4 3"
            />
          );
        })}
      </g>
      {layout.stubs.map((s) => {
        const text = stubText(s.hidden.length);
        const pill = cards
          ? { width: STUB_WIDTH, height: CARD.height / 2 }
          : pillSize(text, BADGE_FONT);
        const font = cards ? 13 : BADGE_FONT;
        return (
          <g
            key={`more-${s.parent}`}
            className="arbor-node"
            style={{ transform: `translate(${s.x}px, ${s.y}px)` }}
            data-stub-parent={s.parent}
          >
            <rect
              x={-pill.width / 2}
              y={-pill.height / 2}
              width={pill.width}
              height={pill.height}
              rx={pill.height / 2}
              fill={palette.labelBg}
              stroke={palette.muted}
              strokeDasharray="3 2"
            />
            <text
              y={0}
              dominantBaseline="central"
              textAnchor="middle"
              fontSize={font}
              fill={palette.muted}
            >
              {text}
            </text>
          </g>
        );
      })}
      {layout.nodes.map((p) => {
        const node = tree.nodes[p.id];
        if (!node) return null;
        if (!cards || p.w === 0) {
          return (
            <TreeNodeDot
              key={p.id}
              node={node}
              x={p.x}
              y={p.y}
              onPath={onPath.has(p.id)}
              selected={selectedId === p.id}
              hidden={visible.hidden.get(p.id) ?? 0}
              palette={palette}
            />
          );
        }
        return (
          <TreeNodeMark
            key={p.id}
            node={node}
            x={p.x}
            y={p.y}
            w={p.w}
            title={cards.title(node)}
            algorithm={tree.algorithm}
            detail={detail}
            disagree={prmDisagrees(node, exactRule) !== null}
            onPath={onPath.has(p.id)}
            selected={selectedId === p.id}
            hidden={visible.hidden.get(p.id) ?? 0}
            palette={palette}
          />
        );
      })}
    </g>
  );
});
