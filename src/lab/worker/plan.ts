/**
 * The lab's plan for the grid loop, from grid.ts: the first stage, the difficulty preview's
 * second stage, and the run count that progress starts from.
 */
import { countRuns, planAllocated, planGrid } from '../grid';
import type { GridPlan } from '../gridLoop';

/** planGrid → planAllocated, with countRuns (second stage at its upper bound) as the total. */
export const LAB_PLAN: GridPlan = {
  first: planGrid,
  second: planAllocated,
  count: countRuns,
};
