import type { NodeId } from '../core/tree/events';

/** Colour theme of the page. */
export type Theme = 'light' | 'dark';

/**
 * What the user is looking at: selection, hover, collapsed subtrees, theme, overlays. Never
 * recorded in a run. Node ids refer to the
 * current run, so a reset or an import clears them.
 */
export interface ViewSlice {
  /** The node the inspector shows. */
  selectedId: NodeId | null;
  /** The node under the pointer or keyboard focus in the tree. */
  hoveredId: NodeId | null;
  /** Nodes whose subtrees are folded away in the tree view. */
  collapsed: ReadonlySet<NodeId>;
  theme: Theme;
  /** The keyboard-shortcut overlay is open. */
  helpOpen: boolean;
  /**
   * Presentation mode (issue 10): the tree, the phase strip and the narration get the screen
   * in large type; settings and side panels are hidden. The page root carries
   * `data-presentation="on"` and the CSS variable `--arbor-presentation: 1` while it is on.
   */
  presenting: boolean;
  /**
   * Which backtracks the timeline and the summary mark: `setbacks` (a line that went badly
   * was abandoned, `core/tree/backtracks.ts`) or `line-changes` (every selection that leaves
   * the line grown the iteration before, the researcher's view).
   */
  backtrackView: BacktrackView;
  /**
   * Best-of-N: write each sample's GRPO advantage beside its trajectory score
   * (core/reward/grpo.ts), as the tree toolbar's "GRPO A" or a lesson step asks.
   */
  showAdvantages: boolean;
}

/** Which backtracks are marked: the meaningful ones, or every change of line. */
export type BacktrackView = 'setbacks' | 'line-changes';

/** The theme the browser asks for, where it can say. */
export function preferredTheme(): Theme {
  return typeof window !== 'undefined' &&
    window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** A view with nothing selected, hovered or collapsed (theme and overlays untouched). */
export function clearedView(): Pick<ViewSlice, 'selectedId' | 'hoveredId' | 'collapsed'> {
  return { selectedId: null, hoveredId: null, collapsed: new Set() };
}

/** The view slice: nothing selected, the preferred theme. */
export const createViewSlice = (): ViewSlice => ({
  ...clearedView(),
  theme: preferredTheme(),
  helpOpen: false,
  presenting: false,
  backtrackView: 'setbacks',
  showAdvantages: false,
});
