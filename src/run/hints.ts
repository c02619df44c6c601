/**
 * Reference solutions for step hints (StepHint, arXiv 2507.02841): a hint of level j gives
 * the search the first j steps of the problem's reference solution as a fixed prefix.
 * Each task says what its reference is (`TaskEntry.referenceSteps`): Game of 24's is the exact
 * solver's solution, a word problem's its bundled steps.
 */
import type { TaskId } from '../core/tasks/registry';
import { taskEntry } from '../core/tasks/registry';

/**
 * The reference solution as step texts, or null when the problem is unknown or (a Game of 24
 * puzzle) has no solution.
 * @example referenceSteps('game24', 'g24-001') // three steps ending "(left: 24)"
 */
export function referenceSteps(task: TaskId, problemId: string): string[] | null {
  const entry = taskEntry(task);
  const problem = entry.getProblem(problemId);
  return problem ? entry.referenceSteps(problem) : null;
}

/**
 * The largest hint level for a problem: every reference step but the last (a hint of all
 * steps would leave nothing to search); 0 when there is no reference.
 */
export function maxHint(task: TaskId, problemId: string): number {
  const steps = referenceSteps(task, problemId);
  return steps === null ? 0 : Math.max(0, steps.length - 1);
}

/**
 * The hint levels every bundled problem of a task allows: 0 up to the smallest
 * {@link maxHint} among them (Game of 24's references take 3 steps, the shortest word
 * problem's 2), so a hint experiment never asks a problem for more than it has.
 */
export function commonHintLevels(task: TaskId): number[] {
  const top = Math.min(...taskEntry(task).problems.map((p) => maxHint(task, p.id)));
  return Array.from({ length: Math.max(0, top) + 1 }, (_, j) => j);
}

/**
 * The hint steps a run's settings ask for: the first `hintSteps` reference steps.
 * @throws Error when the level is beyond {@link maxHint} or there is no reference
 */
export function hintFor(task: TaskId, problemId: string, hintSteps: number | undefined): string[] {
  const j = hintSteps ?? 0;
  if (j <= 0) return [];
  const steps = referenceSteps(task, problemId);
  if (steps === null)
    throw new Error(`No reference solution for "${problemId}" to take a hint from`);
  const max = Math.max(0, steps.length - 1);
  if (j > max) {
    throw new Error(
      `A hint of ${j} steps is too many for ${problemId}: its reference has ${steps.length} steps, so at most ${max} can be given.`,
    );
  }
  return steps.slice(0, j);
}
