import type { ProblemEntry } from '../core/tasks/entry';
import type { TaskId } from '../core/tasks/registry';
import { taskEntry } from '../core/tasks/registry';

export type { ProblemEntry } from '../core/tasks/entry';

/** The bundled problems of a task, easiest first, as pickers list them. */
export function problemsOf(task: TaskId): readonly ProblemEntry[] {
  return taskEntry(task).problems;
}

/** Whether `id` is a bundled problem of `task`. */
export function isProblem(id: string, task: TaskId): boolean {
  return taskEntry(task).getProblem(id) !== undefined;
}
