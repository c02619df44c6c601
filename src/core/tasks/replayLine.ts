import type { Outcome, Problem, Task } from './task';

/**
 * Walks steps from a state through the task: the outcome of the first step that ends the
 * line, or of `state` itself when it already ends one and there are no steps; null when a
 * step is invalid or the steps stop before the line ends.
 * @example replayLine(game24Task, puzzle, start, [{ text: '8 / 8 = 1 (left: 1 4 6)' }]) // null
 */
export function replayLine<S, P extends Problem>(
  task: Task<S, P>,
  problem: P,
  state: S,
  steps: readonly { text: string }[],
): Outcome | null {
  let current = state;
  if (steps.length === 0) return task.outcome(current, problem);
  for (const step of steps) {
    const check = task.applyStep(current, step.text, problem);
    if (!check.valid) return null;
    current = check.state;
    const outcome = task.outcome(current, problem);
    if (outcome) return outcome;
  }
  return null;
}

/**
 * The answer most lines reached and how many reached it; ties go to the answer that got
 * there first. Lines with no answer (null) do not vote.
 * @example majority(['12', null, '13', '12']) // {answer: '12', votes: 2}
 */
export function majority(answers: readonly (string | null)[]): {
  answer: string | null;
  votes: number;
} {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let votes = 0;
  for (const a of answers) {
    if (a === null) continue;
    const c = (counts.get(a) ?? 0) + 1;
    counts.set(a, c);
    if (c > votes) {
      best = a;
      votes = c;
    }
  }
  return { answer: best, votes };
}
