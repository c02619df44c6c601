import type { KeyboardEvent } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import type { NodeId } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import type { NodeIndex } from '../../lab/sameNode';
import { shortKey } from '../../lab/sameNode';
import type { CardBook } from '../../layout/card';
import { CARD, cardDetail } from '../../layout/card';
import { revealTransform, sameTransform } from '../../layout/fit';
import { MOVE_KEYS, moveFocus } from '../../layout/keyNav';
import { nodeName, tooltipLines } from '../tree/describe';
import { CARD_FONT } from '../tree/encodings';
import type { Palette } from '../tree/palette';
import '../tree/tree.css';
import { TreeScene } from '../tree/TreeScene';
import { useElementSize } from '../tree/useElementSize';
import { useZoom } from '../tree/useZoom';
import type { DrawnTree } from './compareLayout';
import { COMPARE_TOOLBAR, cardBox, compareFit, readableOpening } from './compareView';
import type { CompareFocus, Side } from './compareModel';
import { compareKeyAction } from './compareModel';

/** Props of {@link CompareTree}. */
export interface CompareTreeProps {
  side: Side;
  /** The accessible name of the tree. */
  label: string;
  tree: SearchTree;
  index: NodeIndex;
  cards: CardBook;
  drawn: DrawnTree;
  /** The answer's line, drawn in the path colour as in the main tree. */
  answerLine: ReadonlySet<NodeId>;
  /** Nodes ringed as "the same node" as the one pointed at. */
  highlighted: ReadonlySet<NodeId>;
  /** The node that takes Tab (roving tabindex); the others are reached with the arrows. */
  tabStop: NodeId;
  /** A node to bring into view when it changes (a selection's counterpart), or null. */
  reveal: NodeId | null;
  palette: Palette;
  /**
   * Open where a class can read the cards (presentation mode): the answer's line at full
   * labels when the whole tree is too wide for them (`readableOpening`); else fitted whole.
   */
  readable?: boolean;
  onPreview: (focus: CompareFocus | null) => void;
  onSelect: (focus: CompareFocus) => void;
}

const BUTTON =
  'rounded border border-slate-300 bg-white/90 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900/90 dark:hover:bg-slate-800';

/**
 * One run's final tree in its pane: the main tree's own drawing (`TreeScene` with labelled
 * cards: the step in short form, N and Q or the PRM score, how it ended; the answer's line),
 * with pan and zoom (d3-zoom on the pane, as the main tree) and Fit, which shows the whole
 * drawn tree in the pane — done on opening and whenever the pane's size changes, until the
 * user pans or zooms. Far out the cards show their short form, then a mark (the main tree's
 * levels of detail). A layer of focusable nodes on top carries the path key
 * (`data-path-key`) and the highlight (`data-highlighted`): hover or focus previews a node,
 * a click, Enter or Space selects it; the arrows move along the tree (`keyNav`), and a node
 * reached by keys or highlighted from the other side is panned into view.
 */
export function CompareTree({
  side,
  label,
  tree,
  index,
  cards,
  drawn,
  answerLine,
  highlighted,
  tabStop,
  reveal,
  palette,
  readable = false,
  onPreview,
  onSelect,
}: CompareTreeProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(viewport);
  const { layout, visible } = drawn;
  const fit = useMemo(() => (size.width > 0 ? compareFit(layout, size) : null), [layout, size]);
  const opening = useMemo(
    () => (fit && readable ? readableOpening(layout, [...answerLine], size) : fit),
    [fit, readable, layout, answerLine, size],
  );
  const moved = useRef(false);
  const zoom = useZoom(viewport, size, [Math.min(0.05, (fit?.k ?? 1) / 2), 3], () => {
    moved.current = true;
  });
  const { transform, zoomTo, current } = zoom;
  const nodeEl = (id: NodeId) =>
    svgRef.current?.querySelector<SVGGElement>(`[data-compare-node="${id}"]`) ?? null;

  // Fitted (or, readable, at the answer's line) on opening and when the pane or the drawn
  // tree changes, until the user moves it.
  useEffect(() => {
    if (opening && !moved.current) zoomTo(opening, 0);
  }, [opening, zoomTo]);

  const show = (id: NodeId) => {
    const p = layout.byId.get(id);
    if (!p || size.width === 0) return;
    const now = current();
    const t = revealTransform(now, cardBox(p), size, 12, COMPARE_TOOLBAR);
    if (!sameTransform(now, t)) zoomTo(t, 200);
  };
  // A selection on the other side brings its counterpart here into view.
  const showRef = useRef(show);
  useEffect(() => {
    showRef.current = show;
  });
  useEffect(() => {
    if (reveal !== null) showRef.current(reveal);
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

  const h = CARD.height;
  return (
    <div
      className="relative h-full min-h-40 overflow-hidden rounded border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
      data-testid={`compare-${side}-pane`}
    >
      <div
        ref={viewport}
        className="absolute inset-0 cursor-grab touch-none active:cursor-grabbing"
        data-transform={`${transform.k.toFixed(4)},${transform.x.toFixed(1)},${transform.y.toFixed(1)}`}
      >
        <svg
          ref={svgRef}
          role="tree"
          aria-label={label}
          width={size.width}
          height={size.height}
          fontFamily={CARD_FONT}
          className="arbor-still absolute inset-0 select-none"
        >
          <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
            <TreeScene
              tree={tree}
              layout={layout}
              visible={visible}
              onPath={answerLine}
              selectedId={null}
              palette={palette}
              cards={cards}
              detail={cardDetail(transform.k)}
            />
            <g>
              {layout.nodes.map((p) => {
                const node = tree.nodes[p.id];
                if (!node) return null;
                const lit = highlighted.has(p.id);
                const ring = (grow: number) => ({
                  x: p.x - p.w / 2 - grow,
                  y: p.y - h / 2 - grow,
                  width: p.w + 2 * grow,
                  height: h + 2 * grow,
                  rx: 6 + grow,
                });
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
                    onFocus={() => {
                      onPreview({ side, id: p.id });
                      show(p.id);
                    }}
                    onBlur={() => onPreview(null)}
                    onClick={() => onSelect({ side, id: p.id })}
                    onKeyDown={(e) => onKeyDown(e, p.id)}
                  >
                    <title>{tooltipLines(node).join('\n')}</title>
                    {lit && (
                      <rect
                        {...ring(5)}
                        fill="none"
                        stroke={palette.selected}
                        strokeWidth={3.5}
                        vectorEffect="non-scaling-stroke"
                      />
                    )}
                    <rect
                      {...ring(10)}
                      fill="transparent"
                      strokeWidth={2}
                      strokeDasharray="4 3"
                      vectorEffect="non-scaling-stroke"
                      className="stroke-transparent group-focus-visible:stroke-sky-600 dark:group-focus-visible:stroke-sky-300"
                    />
                  </g>
                );
              })}
            </g>
          </g>
        </svg>
      </div>
      <div
        role="toolbar"
        aria-label={`${side === 'left' ? 'Left' : 'Right'} tree view`}
        className="absolute top-1 right-1 z-10 flex gap-1"
      >
        <button
          type="button"
          className={BUTTON}
          title="Show the whole tree in this pane"
          onClick={() => {
            moved.current = false;
            if (fit) zoomTo(fit, 300);
          }}
        >
          Fit
        </button>
      </div>
    </div>
  );
}
