import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Game24Problem, Game24State } from './game24';
import type { ProblemOf, StateOf } from './registry';
import { TASKS, TASK_IDS, isTaskId, taskEntry } from './registry';

describe('the task registry', () => {
  it('lists each task once, under the id its Task has', () => {
    expect(TASK_IDS).toEqual(['game24', 'word-problems']);
    for (const { id } of TASKS) expect(taskEntry(id).task.id).toBe(id);
    expect(isTaskId('game24')).toBe(true);
    expect(isTaskId('chess')).toBe(false);
  });

  it('knows the state and problem types of a task named by its id', () => {
    expectTypeOf<StateOf<'game24'>>().toEqualTypeOf<Game24State>();
    expectTypeOf<ProblemOf<'game24'>>().toEqualTypeOf<Game24Problem>();
  });

  it.each(TASKS.map((t) => [t.id, t] as const))(
    '%s: every bundled problem is found by id, and its reference solution solves it',
    (_id, entry) => {
      const e = taskEntry(entry.id);
      const ids = new Set(e.problems.map((p) => p.id));
      expect(ids.size).toBe(e.problems.length);
      for (const listed of e.problems) {
        const problem = e.getProblem(listed.id);
        expect(problem?.id).toBe(listed.id);
        if (!problem) continue;
        const steps = e.referenceSteps(problem);
        if (steps === null) continue;
        let state = e.task.initial(problem);
        for (const text of steps) {
          const check = e.task.applyStep(state, text, problem);
          expect(check.valid, `${listed.id}: ${text}`).toBe(true);
          if (check.valid) state = check.state;
        }
        expect(e.task.outcome(state, problem)?.correct, listed.id).toBe(true);
        expect(steps.length).toBeLessThanOrEqual(e.maxDepth);
      }
    },
  );
});

describe('tasks that load when first needed', () => {
  // A fresh copy of the registry: the test setup has loaded every task in the shared one.
  async function freshRegistry() {
    vi.resetModules();
    return import('./registry');
  }

  it('has the first task at once and names the others before they load', async () => {
    const r = await freshRegistry();
    expect(r.isTaskLoaded('game24')).toBe(true);
    expect(r.taskEntry('game24').label).toBe('Game of 24');
    expect(r.isTaskLoaded('word-problems')).toBe(false);
    expect(r.taskLabel('word-problems')).toBe('Math word problems');
    expect(() => r.taskEntry('word-problems')).toThrow(/has not loaded yet.*loadTask/);
  });

  it('loads a task once for every caller, then gives it synchronously', async () => {
    const r = await freshRegistry();
    const [a, b] = await Promise.all([r.loadTask('word-problems'), r.loadTask('word-problems')]);
    expect(a).toBe(b);
    expect(r.isTaskLoaded('word-problems')).toBe(true);
    expect(r.taskEntry('word-problems')).toBe(a);
    expect(a.task.id).toBe('word-problems');
    expect(a.label).toBe(r.taskLabel('word-problems'));
    expect(a.problems.length).toBeGreaterThan(0);
  });
});
