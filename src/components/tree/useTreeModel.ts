import { useEffect, useMemo, useState } from 'react';
import type { NodeId, TraceEvent } from '../../core/tree/events';
import type { SearchTree } from '../../core/tree/tree';
import { taskEntry } from '../../core/tasks/registry';
import type { CardBook } from '../../layout/card';
import { cardLayout, createCardBook } from '../../layout/card';
import type { Throttle } from '../../layout/layoutCache';
import { createLayoutCache } from '../../layout/layoutCache';
import { once } from '../../layout/once';
import type { NodeLabel, Overlay } from '../../layout/overlay';
import { phaseOverlay } from '../../layout/overlay';
import { sampleScoreLabels, voteTallyLabel } from '../../layout/samples';
import type { TreeLayout } from '../../layout/tidyTree';
import type { VisibleTree } from '../../layout/visible';
import { createVisibleCache } from '../../layout/visible';
import type { Store } from '../../store';
import { focusPath, useArbor } from '../../store';
import { textWidth } from './encodings';
import type { Palette } from './palette';
import { PALETTES } from './palette';

/** What the tree view draws, derived from the store and the view's own choices. */
export interface TreeModel {
  tree: SearchTree;
  /** The event at the cursor (`trace.all[cursor - 1]`). */
  event: TraceEvent | undefined;
  visible: VisibleTree;
  layout: TreeLayout;
  overlay: Overlay | null;
  sampleLabels: readonly NodeLabel[];
  onPath: ReadonlySet<NodeId>;
  palette: Palette;
  selectedId: NodeId | null;
  hoveredId: NodeId | null;
  playing: boolean;
  /** Events per second while playing. */
  speed: number;
  /** The card titles of the run's nodes. */
  cards: CardBook;
  /** Whether the task's rule verifier sees the whole truth (PRM-disagreement marks). */
  exactRule: boolean;
}

/** The view's own choices that shape what is drawn. */
export interface TreeChoices {
  topK: number | null;
  opened: ReadonlySet<NodeId>;
  focusId: NodeId | null;
  /** How relayouts are spaced while playing (layoutCache's Throttle). */
  throttle: Throttle;
}

// Narrow selectors, declared once (xyflow's habit).
const selectTree = (s: Store) => s.tree;
const selectEvent = (s: Store) => (s.cursor > 0 ? s.trace.all[s.cursor - 1] : undefined);
const selectSelected = (s: Store) => s.selectedId;
const selectHovered = (s: Store) => s.hoveredId;
const selectCollapsed = (s: Store) => s.collapsed;
const selectTheme = (s: Store) => s.theme;
const selectPlaying = (s: Store) => s.playing;
const selectSpeed = (s: Store) => s.speed;
const selectTask = (s: Store) => s.settings.task;
const selectAdvantages = (s: Store) => s.showAdvantages;
const selectAggregation = (s: Store) =>
  s.settings.search.algorithm === 'best-of-n' ? s.settings.search.aggregation : null;

/** The nodes the current event is about: kept visible through top-k filtering. */
function eventNodes(e: TraceEvent | undefined): NodeId[] {
  switch (e?.type) {
    case 'select':
      return e.path;
    case 'expand':
      return [e.node, ...e.children.map((c) => c.id)];
    case 'simulate':
      return [e.from];
    case 'backprop':
      return e.updates.map((u) => u.id);
    case 'prune':
      return [...e.kept, ...e.dropped].map((d) => d.id);
    case 'score':
    case 'terminal':
      return [e.node];
    case 'backtrack':
      return [e.at, e.abandoned];
    case 'done':
      return e.node === null ? [] : [e.node];
    default:
      return [];
  }
}

/**
 * Subscribes the tree view to the store and derives what it draws: the visible tree (collapse,
 * top-k), its layout (cached while the shape holds), the phase overlay and best-of-N scores.
 */
export function useTreeModel(choices: TreeChoices): TreeModel {
  const tree = useArbor(selectTree);
  const event = useArbor(selectEvent);
  const selectedId = useArbor(selectSelected);
  const hoveredId = useArbor(selectHovered);
  const collapsed = useArbor(selectCollapsed);
  const theme = useArbor(selectTheme);
  const playing = useArbor(selectPlaying);
  const speed = useArbor(selectSpeed);
  const aggregation = useArbor(selectAggregation);
  const advantages = useArbor(selectAdvantages);
  const entry = taskEntry(useArbor(selectTask));
  const { topK, opened, focusId, throttle } = choices;

  const onPath = useMemo(() => new Set(focusPath(tree)), [tree]);
  // The view is remounted for a new run (TreeView's key), so one cache serves the run.
  const [shapes] = useState(createVisibleCache);
  // Worked out only when the layout cache would lay it out: while a large tree plays, most
  // frames keep the last layout, and with it the visible tree it was made of.
  const visibleOf = useMemo(
    () =>
      once(() => {
        const pinned = [...eventNodes(event), ...onPath];
        if (selectedId !== null) pinned.push(selectedId);
        if (focusId !== null) pinned.push(focusId);
        return shapes.get(tree, { collapsed, topK, opened, pinned });
      }),
    [shapes, tree, event, onPath, selectedId, focusId, collapsed, topK, opened],
  );

  // The view is remounted for a new run (TreeView's key), so one book serves the run's task.
  const [cards] = useState(() => createCardBook(entry.shortStep, textWidth));
  const [cache] = useState(() => createLayoutCache(undefined, (t) => cardLayout(t, cards)));
  const [, retry] = useState(0);
  const { layout, visible, stale, retryInMs } = cache.get(tree, visibleOf, throttle);
  useEffect(() => {
    if (!stale) return;
    const handle = setTimeout(() => retry((n) => n + 1), retryInMs);
    return () => clearTimeout(handle);
  }, [stale, retryInMs, visible]);

  const overlay = useMemo(() => phaseOverlay(event, layout, tree), [event, layout, tree]);
  const sampleLabels = useMemo(() => {
    if (aggregation === null) return [];
    const tally = voteTallyLabel(tree, layout);
    const scores = sampleScoreLabels(tree, layout, aggregation, { advantages });
    return [...scores, ...(tally ? [tally] : [])];
  }, [aggregation, advantages, tree, layout]);
  return {
    tree,
    event,
    visible,
    layout,
    overlay,
    sampleLabels,
    onPath,
    palette: PALETTES[theme],
    selectedId,
    hoveredId,
    playing,
    speed,
    cards,
    exactRule: entry.rule.sees === 'exact',
  };
}
