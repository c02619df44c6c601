import type { ComparedRun } from './compareSlice';
import { useArbor } from './store';

/**
 * Opening and closing the comparison of two runs (issue 16), from wherever the runs are:
 * two saved runs or the visualizer's run and a saved one (`./libraryActions`), or two runs
 * of the lab's grid (`./labCells`). The view is `components/compare`.
 */

const set = useArbor.setState;

/** Shows two runs side by side. */
export function openComparison(left: ComparedRun, right: ComparedRun): void {
  set({ comparison: { left, right }, compareError: null });
}

/** Closes the comparison. */
export function closeComparison(): void {
  set({ comparison: null });
}

/** Clears the message of a comparison that could not open. */
export function dismissCompareError(): void {
  set({ compareError: null });
}
