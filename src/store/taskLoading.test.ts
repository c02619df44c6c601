import { describe, expect, it, vi } from 'vitest';

/** The store and the registry fresh, with only the first task loaded (as a page starts). */
async function freshStore() {
  vi.resetModules();
  const registry = await import('../core/tasks/registry');
  const store = await import('./index');
  const { withTask } = await import('./taskLoading');
  return { registry, store, withTask };
}

describe('switching to a task that has not loaded', () => {
  it('shows the new task once its entry arrives, at its first problem', async () => {
    const { registry, store } = await freshStore();
    expect(registry.isTaskLoaded('word-problems')).toBe(false);
    store.setTask('word-problems');
    // Nothing changes before the entry is there: the page keeps showing the run it had.
    expect(store.useArbor.getState().settings.task).toBe('game24');
    await registry.loadTask('word-problems');
    await vi.waitFor(() => expect(store.useArbor.getState().settings.task).toBe('word-problems'));
    const { settings } = store.useArbor.getState();
    expect(settings.problemId).toBe(registry.taskEntry('word-problems').problems[0]?.id);
    expect(store.useArbor.getState().error).toBeNull();
  });

  it('drops a request overtaken by a newer one while the task loaded', async () => {
    const { registry, withTask } = await freshStore();
    const ran: string[] = [];
    withTask('word-problems', () => ran.push('word problems'));
    withTask('game24', () => ran.push('game of 24'));
    expect(ran).toEqual(['game of 24']);
    await registry.loadTask('word-problems');
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toEqual(['game of 24']);
  });
});
