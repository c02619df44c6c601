/**
 * Reference solutions for step hints (StepHint, arXiv 2507.02841): a hint of level j gives
 * the search the first j steps of the problem's reference solution as a fixed prefix.
 * Game of 24's reference is the exact solver's solution; a word problem's is its bundled
 * `steps`, one step per entry (the reference split at the step delimiter).
 */
import { getPuzzle, rat, solve24 } from '../core/tasks/game24';
import { getWordProblem } from '../core/tasks/wordProblems';
import type { TaskId } from './settings';

/**
 * The reference solution as step texts, or null when the problem is unknown or (a Game of 24
 * puzzle) has no solution.
 * @example referenceSteps('game24', 'g24-001') // three steps ending "(left: 24)"
 */
export function referenceSteps(task: TaskId, problemId: string): string[] | null {
  if (task === 'word-problems') {
    const problem = getWordProblem(problemId);
    return problem ? [...problem.steps] : null;
  }
  const puzzle = getPuzzle(problemId);
  return puzzle ? solve24(puzzle.numbers.map((n) => rat(n))) : null;
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
