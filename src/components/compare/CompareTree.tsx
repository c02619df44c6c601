import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { NodeIndex } from '../../lab/sameNode';
import { shortKey } from '../../lab/sameNode';
import { MOVE_KEYS, moveFocus } from '../../layout/keyNav';
import { nodeName, tooltipLines } from '../tree/describe';
import { nodeRadius } from '../tree/encodings';
import type { Palette } from '../tree/palette';
import { TreeScene } from '../tree/TreeScene';
import type { DrawnTree } from './compareLayout';
import type { CompareFocus, Side } from './compareModel';
import { compareKeyAction } from './compareModel';

/** Largest on-screen scale: a small tree is not blown up past this. */
const MAX_SCALE = 1.6;

/** Props of {@link CompareTree}. */
export interface CompareTreeProps {
  side: Side;
  /** The accessible name of the tree. */
  label: string;
  tree: SearchTree;
  index: NodeIndex;
  drawn: DrawnTree;
  /** The answer's line, drawn in the path colour as in the main tree. */
  answerLine: ReadonlySet<NodeId>;
  /** Nodes ringed as "the same node" as the one pointed at. */
  highlighted: ReadonlySet<NodeId>;
  /** The node that takes Tab (roving tabindex); the others are reached with the arrows. */
  tabStop: NodeId;
  /** A node to scroll into view when it changes (a selection's counterpart), or null. */
  reveal: NodeId | null;
  palette: Palette;
  onPreview: (focus: CompareFocus | null) => void;
  onSelect: (focus: CompareFocus) => void;
}

/**
 * One run's final tree: the main tree's own drawing (`TreeScene`: size = log visits, fill =
 * PRM score, terminal glyphs, dashed invalid steps, faded pruned ones, the answer's line),
 * fitted to its box by the viewBox, with a layer of focusable nodes on top that carry the
 * path key (`data-path-key`) and the highlight (`data-highlighted`). Hover or focus previews
 * a node, a click, Enter or Space selects it; the arrows move along the tree (`keyNav`).
 */
export function CompareTree({
  side,
  label,
  tree,
  index,
  drawn,
  answerLine,
  highlighted,
  tabStop,
  reveal,
  palette,
  onPreview,
  onSelect,
}: CompareTreeProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { layout, visible, viewBox } = drawn;
  const nodeEl = (id: NodeId) =>
    svgRef.current?.querySelector<SVGGElement>(`[data-compare-node="${id}"]`) ?? null;

  // A tree wider than its box scrolls sideways: start with the root in the middle.
  useEffect(() => {
    const box = boxRef.current;
    const root = svgRef.current?.querySelector('[data-compare-node="0"]');
    if (!box || !root || box.scrollWidth <= box.clientWidth) return;
    const r = root.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    box.scrollLeft += r.left + r.width / 2 - (b.left + b.width / 2);
  }, [tree]);

  // A selection on the other side brings its counterpart here into view.
  useEffect(() => {
    if (reveal === null) return;
    svgRef.current
      ?.querySelector(`[data-compare-node="${reveal}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [reveal]);

  const onKeyDown = (e: KeyboardEvent<SVGGElement>, id: NodeId) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const move = MOVE_KEYS[e.key];
    if (move) {
      e.preventDefault();
      nodeEl(moveFocus(layout, visible, id, move))?.focus();
      return;
    }
    if (compareKeyAction(e.key) === 'select') {
      e.preventDefault();
      onSelect({ side, id });
    }
  };

  return (
    <div ref={boxRef} className="overflow-x-auto">
      <svg
        ref={svgRef}
        role="tree"
        aria-label={label}
        viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
        className="mx-auto block h-auto max-h-[28rem] w-full"
        style={{ minWidth: drawn.minWidth, maxWidth: Math.ceil(viewBox.width * MAX_SCALE) }}
      >
        <TreeScene
          tree={tree}
          layout={layout}
          visible={visible}
          onPath={answerLine}
          selectedId={null}
          palette={palette}
        />
        <g>
          {layout.nodes.map((p) => {
            const node = tree.nodes[p.id];
            if (!node) return null;
            const lit = highlighted.has(p.id);
            const r = nodeRadius(node.N);
            return (
              <g
                key={p.id}
                role="treeitem"
                tabIndex={p.id === tabStop ? 0 : -1}
                aria-label={nodeName(node)}
                aria-level={node.depth + 1}
                aria-selected={lit}
                data-compare-node={p.id}
                data-path-key={shortKey(index.keys[p.id] ?? '')}
                data-highlighted={lit ? 'true' : undefined}
                className="group cursor-pointer outline-none"
                onMouseEnter={() => onPreview({ side, id: p.id })}
                onMouseLeave={() => onPreview(null)}
                onFocus={() => onPreview({ side, id: p.id })}
                onBlur={() => onPreview(null)}
                onClick={() => onSelect({ side, id: p.id })}
                onKeyDown={(e) => onKeyDown(e, p.id)}
              >
                <title>{tooltipLines(node).join('\n')}</title>
                {lit && (
                  <circle
                    cx={p.x}
                    cy={p.y}
                    r={r + 5}
                    fill="none"
                    stroke={palette.selected}
                    strokeWidth={3.5}
                  />
                )}
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={r + 9}
                  fill="transparent"
                  strokeWidth={2}
                  strokeDasharray="4 3"
                  className="stroke-transparent group-focus-visible:stroke-sky-600 dark:group-focus-visible:stroke-sky-300"
                />
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
