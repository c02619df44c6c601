import type { TaskId } from '../core/tasks/registry';
import { isTaskLoaded, loadAllTasks, loadTask, taskLabel } from '../core/tasks/registry';
import { update } from './store';

/** Bumped by every request, so only the newest one acts when its task arrives. */
let newest = 0;

/**
 * Runs `then` once `task`'s entry has loaded (core/tasks/registry.ts): at once when it has,
 * else after its chunk arrives — unless a newer request came meanwhile, which wins (the user
 * picked another task, or the settings changed again). A task that cannot load puts its
 * reason where the run's errors show, and the page stays as it was.
 */
export function withTask(task: TaskId, then: () => void): void {
  const mine = ++newest;
  if (isTaskLoaded(task)) {
    then();
    return;
  }
  loadTask(task).then(
    () => {
      if (mine === newest) then();
    },
    (error: unknown) => {
      if (mine !== newest) return;
      const why = error instanceof Error ? error.message : String(error);
      update({
        error: `The ${taskLabel(task)} task could not be loaded (${why}). Reload the page to try again.`,
      });
    },
  );
}

/**
 * Loads every task's entry before a run file of any task is shown (an import, a saved run).
 * @returns null when they are there, else why not (said where the import's errors show)
 */
export async function allTasksOrError(): Promise<string | null> {
  try {
    await loadAllTasks();
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `Arbor could not load its tasks to show this run (${why}). Reload the page to try again.`;
  }
}
