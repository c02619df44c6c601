import type { CheckpointedTrace } from '../core/tree/checkpoints';
import { useArbor } from './store';

/** A run that is not saved unless the user asks (the example computed at startup). */
let unsaved: CheckpointedTrace | null = null;

/**
 * Leaves the current run out of automatic saves (main.tsx calls it before computing the
 * run shown at startup, so that every page load does not save the same example). "Save run"
 * still saves it; the next run (any reset or import) is saved as usual.
 */
export function leaveCurrentRunUnsaved(): void {
  unsaved = useArbor.getState().trace;
}

/** Whether this trace is the run left out of automatic saves. */
export function isUnsavedRun(trace: CheckpointedTrace): boolean {
  return trace === unsaved;
}
