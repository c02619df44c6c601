import { useCallback, useMemo, useRef, useState } from 'react';
import type { NodeId } from '../../core/tree/events';
import { cardDetail } from '../../layout/card';
import type { Throttle } from '../../layout/layoutCache';
import { CARD_FONT } from './encodings';
import { centreTransform, revealTransform, sameTransform } from '../../layout/fit';
import { overlayStages } from '../../layout/overlayExtent';
import type { Store } from '../../store';
import { expandAll, lessonHighlight, setShowAdvantages, useArbor } from '../../store';
import { viewRegion } from './canvasPaths';
import { LazyTreeCanvas } from '../lazy/panels';
import { DraftGhost } from './DraftGhost';
import type { SvgExportInput } from './exportSvg';
import { exportTitle } from './exportTitle';
import { FindBar } from './FindBar';
import { FindHighlights } from './FindHighlights';
import { LessonHighlights } from './LessonHighlights';
import { OverlayLayer } from './OverlayLayer';
import './tree.css';
import { TreeA11y, focusedItem } from './TreeA11y';
import { hasUnknownEnds } from './legend';
import { TreeLegend } from './TreeLegend';
import { TreeScene } from './TreeScene';
import { TreeToolbar } from './TreeToolbar';
import { TreeTooltip, tooltipContent } from './TreeTooltip';
import { useElementSize } from './useElementSize';
import { useFind } from './useFind';
import { TOOLBAR_INSET, VIEW_OPTIONS, fitView, useFollow } from './useFollow';
import { useOverlayClock } from './useOverlayClock';
import { runKeyOf } from './runKey';
import { useReducedMotion } from './useReducedMotion';
import { useTreeInput } from './useTreeInput';
import { useTreeModel } from './useTreeModel';
import { useZoom } from './useZoom';
import { QuestionRings } from '../lesson/QuestionRings';

/** Saves the tree as SVG or PNG; the exporters load with the first export (not the first paint). */
async function exportTree(kind: 'svg' | 'png', scene: SvgExportInput): Promise<void> {
  const { saveTree } = await import('./exportPng');
  await saveTree(kind, scene);
}

/**
 * Past this many drawn nodes the tree is drawn on a canvas instead of SVG. Measured by
 * dragging across synthetic MCTS trees in headless Chromium (software rendering, 2 shared
 * cores, 1366×768): SVG keeps 60 fps (mean 17.6 ms, p95 16.8 ms) at 1,000 nodes, drops frames
 * at 1,500 (p95 33 ms) and averages 27 ms at 2,500; the canvas holds 16.7 ms (p95 16.8 ms) at
 * 5,000 and 20,000 nodes, whole tree in view or zoomed in.
 */
export const CANVAS_THRESHOLD = 1000;

/**
 * Nodes glide to new places and grow in only up to this many drawn nodes: a CSS transition
 * repaints the whole SVG every frame, which a larger tree cannot afford while it plays.
 */
export const GLIDE_THRESHOLD = 400;

/** On a canvas, where only the nodes in view are redrawn, nodes glide up to this many. */
export const CANVAS_GLIDE_THRESHOLD = 5000;

/** Milliseconds per overlay stage when stepping by hand (a selection level, a rollout step). */
const STAGE_MS = 380;

const selectEmpty = (s: Store) => s.tree.nodes.length === 0;
const selectCursor = (s: Store) => s.cursor;
const selectTotal = (s: Store) => s.trace.all.length;
/**
 * While playing fast, an SVG tree of more than this many nodes is laid out at most every
 * {@link SVG_PLAY_RELAYOUT_MS}: each relayout moves most cards, and restyling and repainting
 * a few hundred cards every frame took 55–60 ms of the main thread per frame at 500 nodes
 * (bench:playback). Between relayouts only the cards whose numbers changed redraw.
 */
const SVG_PLAY_THROTTLE_NODES = 150;
/** See {@link SVG_PLAY_THROTTLE_NODES}. */
const SVG_PLAY_RELAYOUT_MS = 150;
/** Speeds (events/s) from which new nodes come faster than a class could follow them. */
const FAST_PLAY = 50;
const selectThrottle = (s: Store): Throttle => {
  if (!s.playing) return false;
  const n = s.tree.nodes.length;
  if (n > CANVAS_THRESHOLD) return true;
  return s.speed >= FAST_PLAY && n > SVG_PLAY_THROTTLE_NODES ? SVG_PLAY_RELAYOUT_MS : false;
};
const selectPresenting = (s: Store) => s.presenting;
/** How much larger the tree's labels are drawn in presentation mode. */
const PRESENT_LABELS = 1.6;
/** Best-of-N's GRPO advantages: shown or not, and null where the run has no samples. */
const selectAdvantages = (s: Store) => (s.tree.algorithm === 'best-of-n' ? s.showAdvantages : null);

/**
 * The search tree at the cursor: a tidy tree drawn by React (or on a canvas past
 * {@link CANVAS_THRESHOLD} nodes), with pan and zoom, the phase overlay of the current event,
 * a tooltip, keyboard moves, folding, top-k children and SVG/PNG export. A new run starts the
 * view afresh (fitted, following).
 */
export function TreeView() {
  const runKey = useArbor(runKeyOf);
  const empty = useArbor(selectEmpty);
  if (empty) {
    return (
      <figure className="flex min-h-40 items-center justify-center rounded border border-dashed border-slate-300 p-6 text-slate-500 dark:border-slate-700 dark:text-slate-400">
        <figcaption>The search tree grows here. Press Step or Play to start.</figcaption>
      </figure>
    );
  }
  return <TreeFigure key={runKey} />;
}

function TreeFigure() {
  const viewport = useRef<HTMLDivElement>(null);
  const a11y = useRef<HTMLDivElement>(null);
  const reduced = useReducedMotion();
  const size = useElementSize(viewport);
  const [topK, setTopK] = useState<number | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<NodeId>>(new Set());
  const [follow, setFollow] = useState(true);
  const [labels, setLabels] = useState(true);
  const [focusId, setFocusId] = useState<NodeId | null>(null);
  const [focused, setFocused] = useState(false);
  // A large tree growing while it plays fast is laid out less often than every frame.
  const throttle = useArbor(selectThrottle);
  const presenting = useArbor(selectPresenting);
  const advantages = useArbor(selectAdvantages);
  const model = useTreeModel({ topK, opened, focusId, throttle });
  const { tree, layout, visible, palette, overlay, selectedId, playing, speed } = model;
  const canvas = layout.nodes.length > CANVAS_THRESHOLD;
  const glide = !reduced && layout.nodes.length <= GLIDE_THRESHOLD;

  // The toolbar floats over the tree's top edge: fit, follow, find and the keys keep what
  // they show below it (its measured height: it wraps to two rows on a narrow tree).
  const toolbar = useRef<HTMLDivElement>(null);
  const toolbarSize = useElementSize(toolbar);
  const insetTop = toolbarSize.height > 0 ? Math.ceil(toolbarSize.height) + 12 : TOOLBAR_INSET;
  const fit = useMemo(
    () => (size.width > 0 ? fitView(layout, size, insetTop) : null),
    [layout, size, insetTop],
  );
  const zoom = useZoom(viewport, size, [Math.min(0.05, (fit?.k ?? 1) / 2), 4], () =>
    setFollow(false),
  );
  const { transform, zoomTo } = zoom;
  const interval = playing ? 1000 / speed : Infinity;
  useFollow(
    follow,
    layout,
    overlay,
    size,
    zoom,
    reduced ? 0 : Math.min(450, 0.8 * interval),
    insetTop,
  );

  const stages = overlayStages(overlay);
  const stepMs = Math.min(STAGE_MS, (0.8 * interval) / Math.max(1, stages));
  const elapsed = useOverlayClock(model.event, stages * stepMs, !reduced && stepMs >= 30);
  const openStub = useCallback((parent: NodeId) => setOpened((o) => new Set(o).add(parent)), []);
  // A node the keys moved to is brought into view (a small pan; not a user move).
  const { current: now } = zoom;
  const reveal = useCallback(
    (id: NodeId) => {
      const p = layout.byId.get(id);
      if (!p) return;
      const half = p.w / 2 + 8;
      const box = { minX: p.x - half, maxX: p.x + half, minY: p.y - 40, maxY: p.y + 50 };
      const t = revealTransform(now(), box, size, 24, insetTop);
      if (!sameTransform(now(), t)) zoomTo(t, reduced ? 0 : 200);
    },
    [layout, size, now, zoomTo, reduced, insetTop],
  );
  // A match found is centred at a scale its card reads at, and inspected (useFind).
  const centre = useCallback(
    (id: NodeId) => {
      const p = layout.byId.get(id);
      if (!p || size.width === 0) return false;
      setFollow(false);
      const t = centreTransform(now(), p, size, VIEW_OPTIONS.readableScale, insetTop);
      zoomTo(t, reduced ? 0 : 300);
      return true;
    },
    [layout, size, now, zoomTo, reduced, insetTop],
  );
  const find = useFind(model, centre);
  const input = useTreeInput({
    model,
    transform,
    viewport,
    focusTarget: a11y,
    focusId,
    setFocusId,
    openStub,
    reveal,
  });

  const depth = useMemo(() => layout.nodes.reduce((d, n) => Math.max(d, n.depth), 0), [layout]);
  const unknownEnds = useMemo(() => hasUnknownEnds(tree), [tree]);
  const { onPath, cards, exactRule } = model;
  const scene = useMemo(
    () => ({ tree, layout, visible, onPath, palette, cards, exactRule, labels }),
    [tree, layout, visible, onPath, palette, cards, exactRule, labels],
  );
  const detail = labels ? cardDetail(transform.k) : 'mark';
  const cursor = useArbor(selectCursor);
  const lessonIds = useArbor(lessonHighlight);
  const total = useArbor(selectTotal);
  const root = tree.nodes[0];
  const exported = () => ({
    ...scene,
    title: exportTitle({
      problem: root ? cards.title(root).title : '',
      algorithm: tree.algorithm,
      event: `event ${cursor} of ${total}${model.event ? `: ${model.event.type}` : ''}${tree.iteration > 0 ? `, iteration ${tree.iteration}` : ''}`,
    }),
  });
  const label = `Search tree: ${layout.nodes.length} of ${tree.nodes.length} nodes shown, depth ${depth}${canvas ? ', drawn on a canvas' : ''}. Hover a node for its step text and numbers.`;
  const current = focusId ?? selectedId ?? 0;
  const item = focusedItem(model, current);
  // The tooltip: what the pointer is over, else the keyboard focus while the tree has focus.
  const tip = tooltipContent(
    model,
    input.hit ??
      (focused && input.byKeys && focusId !== null ? { kind: 'node', id: focusId } : null),
  );

  // Labels keep their screen size at any zoom; on the projector they grow to be read from the
  // back row (10 → 16 px: a UCB sum, a sample's score and advantage).
  const scale = Math.min(2.5, Math.max(0.35, 1 / transform.k)) * (presenting ? PRESENT_LABELS : 1);
  return (
    <figure className="flex flex-col gap-1.5">
      <FindBar find={find} />
      <div
        data-tree-frame=""
        className="relative h-[var(--arbor-tree-height,max(20rem,calc(100vh-27rem)))] overflow-hidden rounded border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
      >
        <div
          ref={viewport}
          data-mode={canvas ? 'canvas' : 'svg'}
          data-transform={`${transform.k.toFixed(4)},${transform.x.toFixed(1)},${transform.y.toFixed(1)}`}
          data-follow={follow}
          className="absolute inset-0 cursor-grab touch-none active:cursor-grabbing"
          onPointerMove={input.onPointerMove}
          onPointerLeave={input.onPointerLeave}
          onClick={input.onClick}
          onDoubleClick={input.onDoubleClick}
        >
          {canvas ? (
            <LazyTreeCanvas
              scene={scene}
              transform={transform}
              width={size.width}
              height={size.height}
              label={label}
              animate={!reduced && layout.nodes.length <= CANVAS_GLIDE_THRESHOLD}
              throttle={throttle !== false}
            />
          ) : (
            <svg
              role="img"
              aria-label={label}
              width={size.width}
              height={size.height}
              className={`absolute inset-0 select-none ${glide ? '' : 'arbor-still'}`}
              fontFamily={CARD_FONT}
            >
              <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
                <TreeScene
                  tree={tree}
                  layout={layout}
                  visible={visible}
                  onPath={onPath}
                  selectedId={selectedId}
                  palette={palette}
                  cards={cards}
                  detail={detail}
                  exactRule={exactRule}
                />
              </g>
            </svg>
          )}
          <DraftGhost model={model} transform={transform} size={size} scale={scale} />
          <svg
            aria-hidden="true"
            width={size.width}
            height={size.height}
            className="pointer-events-none absolute inset-0 select-none will-change-transform"
            data-layer="overlay"
          >
            <g transform={`translate(${transform.x},${transform.y}) scale(${transform.k})`}>
              {lessonIds && (
                <LessonHighlights
                  layout={layout}
                  ids={lessonIds}
                  palette={palette}
                  zoom={transform.k}
                />
              )}
              <FindHighlights
                layout={layout}
                matches={find.result.matches}
                currentId={find.currentId}
                palette={palette}
                region={viewRegion(
                  { t: transform, width: size.width, height: size.height, dpr: 1 },
                  0.25,
                )}
                zoom={transform.k}
              />
              <QuestionRings layout={layout} palette={palette} zoom={transform.k} />
              <OverlayLayer
                tree={tree}
                layout={layout}
                palette={palette}
                overlay={overlay}
                sampleLabels={model.sampleLabels}
                selectedId={selectedId}
                hoveredId={model.hoveredId}
                focusId={focused ? current : null}
                selectedCollapsed={selectedId !== null && visible.hidden.has(selectedId)}
                scale={scale}
                zoom={transform.k}
                elapsed={elapsed}
                stepMs={stepMs}
              />
            </g>
          </svg>
          <TreeA11y
            ref={a11y}
            label={label}
            item={item}
            onKeyDown={input.onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
          />
          {tip && (
            <TreeTooltip
              lines={tip.lines}
              at={{
                x: tip.at.x * transform.k + transform.x,
                y: tip.at.y * transform.k + transform.y,
              }}
              radius={tip.radius * transform.k}
              viewport={size}
            />
          )}
        </div>
        <TreeToolbar
          ref={toolbar}
          follow={follow}
          topK={topK}
          onFit={() => {
            if (fit) zoomTo(fit, reduced ? 0 : 450);
            // Following would zoom a tree too wide to read whole back in to its action.
            setFollow(fit !== null && fit.k >= VIEW_OPTIONS.readableScale);
          }}
          onFollow={() => setFollow((f) => !f)}
          labels={labels}
          onLabels={() => setLabels((l) => !l)}
          advantages={advantages}
          onAdvantages={() => setShowAdvantages(advantages !== true)}
          onExpandAll={() => {
            expandAll();
            setTopK(null);
            setOpened(new Set());
          }}
          onTopK={(k) => {
            setTopK(k);
            setOpened(new Set());
          }}
          onExportSvg={() => void exportTree('svg', exported())}
          onExportPng={() => void exportTree('png', exported())}
        />
      </div>
      <TreeLegend palette={palette} algorithm={tree.algorithm} unknownEnds={unknownEnds} />
    </figure>
  );
}
