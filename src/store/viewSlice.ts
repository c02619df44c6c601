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
}

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
});
