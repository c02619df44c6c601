import { describe, expect, it } from 'vitest';
import { useArbor } from '../store';
import { arborTestApi as arbor } from './testHook';

describe('test hook', () => {
  it('configures, runs, seeks and round-trips a run', async () => {
    arbor.configure({ search: { algorithm: 'mcts', iterations: 6 }, seed: 3 });
    expect(arbor.state()).toEqual({
      cursor: 0,
      eventCount: 0,
      status: 'idle',
      rootN: 0,
      answer: null,
      correct: null,
      nodeCount: 0,
      selectedId: null,
    });
    await arbor.step();
    expect(arbor.state().cursor).toBe(1);
    await arbor.runToEnd();
    const done = arbor.state();
    expect(done.status).toBe('done');
    expect(done.rootN).toBe(6);
    expect(done.cursor).toBe(done.eventCount);
    expect(typeof done.correct).toBe('boolean');

    arbor.seek(3);
    expect(arbor.state().cursor).toBe(3);
    expect(arbor.state().answer).toBeNull();
    arbor.seek(1e9);
    expect(arbor.state().cursor).toBe(done.eventCount);

    arbor.select(1);
    expect(arbor.state().selectedId).toBe(1);

    const file = arbor.exportRun();
    arbor.configure({ seed: 4 });
    expect(await arbor.importRun(file)).toEqual({ ok: true });
    // An import is a new run: the selection (ids of the old run) is cleared.
    expect(arbor.state()).toEqual(done);
    const bad = await arbor.importRun({ format: 'arbor-run', version: 2 });
    expect(bad.ok).toBe(false);
    expect(arbor.state()).toEqual(done);
  });

  it('sets and clears the draft a model is writing', () => {
    const parentSteps = ['8 - 4 = 4'];
    arbor.setDraft({ parentSteps, text: '<b>x</b>' });
    expect(useArbor.getState().draft).toEqual({ parentSteps: ['8 - 4 = 4'], text: '<b>x</b>' });
    parentSteps.push('changed later');
    expect(useArbor.getState().draft?.parentSteps).toEqual(['8 - 4 = 4']);
    arbor.setDraft(null);
    expect(useArbor.getState().draft).toBeNull();
  });
});
