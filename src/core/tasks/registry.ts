import type { AnyTaskEntry, TaskEntry } from './entry';
import type { Problem } from './task';
import { game24Entry } from './game24/entry';
import { wordProblemsEntry } from './wordProblems/entry';

/**
 * Every task domain, one line each. Adding a task is its folder (the `Task`,
 * its problems and its `TaskEntry`) plus a line here; nothing else switches on a task id.
 * The first is where a new visitor starts.
 */
export const TASKS = [game24Entry, wordProblemsEntry] as const satisfies readonly AnyTaskEntry[];

/** A task's id: `'game24' | 'word-problems'`. */
export type TaskId = (typeof TASKS)[number]['id'];

/** The task ids, in registry order. */
export const TASK_IDS = TASKS.map((t) => t.id) as [TaskId, ...TaskId[]];

/** Whether a string names a registered task. */
export function isTaskId(id: string): id is TaskId {
  return (TASK_IDS as readonly string[]).includes(id);
}

/**
 * The entry of a registered task.
 * @throws RangeError for an id no task has (a caller that typed it as `TaskId` never sees it)
 */
export function taskEntry(id: TaskId): AnyTaskEntry {
  const entry = TASKS.find((t) => t.id === id);
  if (!entry) throw new RangeError(`No task "${id}"`);
  return entry as AnyTaskEntry;
}

/** The entry type of a task id, with its state and problem types. */
export type EntryOf<Id extends TaskId> = Extract<(typeof TASKS)[number], { id: Id }>;

/** A task's state type: `StateOf<'game24'>` is `Game24State`. */
export type StateOf<Id extends TaskId> =
  EntryOf<Id> extends TaskEntry<infer S, Problem, Id> ? S : never;

/** A task's problem type: `ProblemOf<'game24'>` is `Game24Problem`. */
export type ProblemOf<Id extends TaskId> =
  EntryOf<Id> extends TaskEntry<unknown, infer P, Id> ? P : never;

/** The entry of a task id with its types known (for code and tests that name the task). */
export function typedEntry<Id extends TaskId>(id: Id): EntryOf<Id> {
  return taskEntry(id) as EntryOf<Id>;
}
