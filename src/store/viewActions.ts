import type { NodeId } from '../core/tree/events';
import { useArbor } from './store';
import type { BacktrackView, Theme } from './viewSlice';

/** View actions as module functions: they change what is shown, never the run. */

/** Selects a node for the inspector (null clears). */
export function selectNode(id: NodeId | null): void {
  useArbor.setState({ selectedId: id });
}

/** Marks the node under the pointer (null when the pointer leaves). */
export function hoverNode(id: NodeId | null): void {
  if (useArbor.getState().hoveredId !== id) useArbor.setState({ hoveredId: id });
}

/** Folds or unfolds the subtree below a node. */
export function toggleCollapsed(id: NodeId): void {
  const next = new Set(useArbor.getState().collapsed);
  if (!next.delete(id)) next.add(id);
  useArbor.setState({ collapsed: next });
}

/** Unfolds every subtree. */
export function expandAll(): void {
  useArbor.setState({ collapsed: new Set() });
}

/** Sets the colour theme. */
export function setTheme(theme: Theme): void {
  useArbor.setState({ theme });
}

/** Switches between light and dark. */
export function toggleTheme(): void {
  setTheme(useArbor.getState().theme === 'dark' ? 'light' : 'dark');
}

/** Opens or closes the keyboard-shortcut overlay. */
export function setHelpOpen(open: boolean): void {
  useArbor.setState({ helpOpen: open });
}

/** Turns presentation mode on or off (P; Esc leaves it). */
export function setPresenting(on: boolean): void {
  useArbor.setState({ presenting: on });
}

/** Toggles presentation mode. */
export function togglePresenting(): void {
  setPresenting(!useArbor.getState().presenting);
}

/** Chooses which backtracks the timeline and summary mark. */
export function setBacktrackView(view: BacktrackView): void {
  useArbor.setState({ backtrackView: view });
}

/** Shows or hides each best-of-N sample's GRPO advantage beside its score. */
export function setShowAdvantages(on: boolean): void {
  useArbor.setState({ showAdvantages: on });
}
