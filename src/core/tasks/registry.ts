import type { AnyTaskEntry, TaskEntry } from './entry';
import type { Problem } from './task';
import { game24Entry } from './game24/entry';
import { WORD_PROBLEMS_NAME } from './wordProblems/name';

/*
 * A task as the registry lists it: its id and name at once (the pickers and the library list
 * them), the rest of its entry (problems, rules, prompts, simulated truth) from `load()`.
 * The first task is in the first paint; the others are fetched when first needed, so a
 * visitor who never opens them never downloads them.
 */

/** The registry line of a task whose entry is in the first paint. */
function eager<E extends AnyTaskEntry & { id: string }>(entry: E) {
  return { id: entry.id as E['id'], label: entry.label, load: () => Promise.resolve(entry) };
}

/** The registry line of a task whose entry `load` fetches (its own chunk of the build). */
function lazy<Id extends string, E extends AnyTaskEntry>(
  name: { id: Id; label: string },
  load: () => Promise<E>,
) {
  return { id: name.id, label: name.label, load };
}

/**
 * Every task domain, one line each. Adding a task is its folder (the `Task`,
 * its problems and its `TaskEntry`) plus a line here; nothing else switches on a task id.
 * The first is where a new visitor starts.
 */
export const TASKS = [
  eager(game24Entry),
  lazy(WORD_PROBLEMS_NAME, () => import('./wordProblems/entry').then((m) => m.wordProblemsEntry)),
] as const;

/** A task's id: `'game24' | 'word-problems'`. */
export type TaskId = (typeof TASKS)[number]['id'];

/** The task ids, in registry order. */
export const TASK_IDS = TASKS.map((t) => t.id) as [TaskId, ...TaskId[]];

/** Whether a string names a registered task. */
export function isTaskId(id: string): id is TaskId {
  return (TASK_IDS as readonly string[]).includes(id);
}

function lineOf(id: TaskId): (typeof TASKS)[number] {
  const line = TASKS.find((t) => t.id === id);
  if (!line) throw new RangeError(`No task "${id}"`);
  return line;
}

/** A task's name ("Game of 24"), known before its entry has loaded. */
export function taskLabel(id: TaskId): string {
  return lineOf(id).label;
}

const loaded = new Map<TaskId, AnyTaskEntry>([[game24Entry.id, game24Entry as AnyTaskEntry]]);
const loading = new Map<TaskId, Promise<AnyTaskEntry>>();

/** Whether a task's entry has loaded, so {@link taskEntry} may be called for it. */
export function isTaskLoaded(id: TaskId): boolean {
  return loaded.has(id);
}

/**
 * Loads a task's entry (at once for the first task; one fetch for the others, shared by
 * every caller).
 * @returns the entry, as {@link taskEntry} gives it from then on
 */
export function loadTask(id: TaskId): Promise<AnyTaskEntry> {
  const ready = loaded.get(id);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(id);
  if (!pending) {
    pending = lineOf(id)
      .load()
      .then((entry) => {
        loaded.set(id, entry);
        return entry;
      })
      .finally(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

/** Loads every task's entry: for views that may show any task (the lab, a comparison, imports). */
export async function loadAllTasks(): Promise<void> {
  await Promise.all(TASK_IDS.map(loadTask));
}

/**
 * The entry of a registered task. The task shown, run or listed has always loaded: the
 * actions that switch to a task (`setSettings`, an import, the lab) load it first.
 * @throws RangeError for an id no task has (a caller that typed it as `TaskId` never sees it),
 *   Error for a task whose entry has not loaded yet (call {@link loadTask} first)
 */
export function taskEntry(id: TaskId): AnyTaskEntry {
  const entry = loaded.get(id);
  if (entry) return entry;
  throw new Error(`The ${lineOf(id).label} task has not loaded yet (loadTask("${id}") first)`);
}

/** The entry type of a task id, with its state and problem types. */
export type EntryOf<Id extends TaskId> = Awaited<
  ReturnType<Extract<(typeof TASKS)[number], { id: Id }>['load']>
>;

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
