import type { Difficulty } from '../core/tasks/entry';
import { DIFFICULTIES } from '../core/tasks/entry';
import { problemsOf } from '../run/problems';
import type { TaskId } from '../run/settings';

export type { Difficulty } from '../core/tasks/entry';
export { DIFFICULTIES } from '../core/tasks/entry';

/**
 * The problems a lab grid runs: `count` of the bundled problems of the chosen difficulties,
 * spread evenly over them from easiest to hardest (so a small subset is not all of the
 * easiest), in the bundled order.
 * @example pickSubset('game24', ['easy', 'medium', 'hard'], 1) // ['g24-001']
 */
export function pickSubset(
  task: TaskId,
  difficulties: readonly Difficulty[],
  count: number,
): string[] {
  const pool = problemsOf(task).filter((p) => difficulties.includes(p.difficulty));
  const n = Math.min(Math.max(0, Math.floor(count)), pool.length);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = pool[Math.floor((i * pool.length) / n)];
    if (p) ids.push(p.id);
  }
  return ids;
}

/** How many bundled problems of a task have each difficulty. */
export function difficultyCounts(task: TaskId): Record<Difficulty, number> {
  const counts: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
  for (const p of problemsOf(task)) counts[p.difficulty] += 1;
  return counts;
}

/** The difficulties present among the given problems. */
export function difficultiesOf(task: TaskId, ids: readonly string[]): Difficulty[] {
  const wanted = new Set(ids);
  const present = new Set(
    problemsOf(task)
      .filter((p) => wanted.has(p.id))
      .map((p) => p.difficulty),
  );
  return DIFFICULTIES.filter((d) => present.has(d));
}
