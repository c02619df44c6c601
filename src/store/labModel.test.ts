import { describe, expect, it } from 'vitest';
import { createWebLlmEngine } from '../engines/webllm/adapter';
import { arborTestApi } from '../app/testHook';
import { collectEvents } from '../core/search';
import type { ChatEngine } from '../engines/webllm';
import { modelSession } from '../engines/webllm/session';
import { DEFAULT_ENGINE, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import { searchProgram } from '../run/startSearch';
import { exportRun, setLabPage, useArbor } from './index';
import { startLab, updateLabDraft } from './labActions';
import { cellEvents, openCell } from './labCells';
import { setLabRunnerDeps } from './labActions';
import { SMALL, ended, lab, labOnThisThread } from './testing/labSetup';
import { waitFor } from './testing/waitFor';

/** The lab with a model (its runs' events kept and opened as run files), and the test hook. */

const get = useArbor.getState;

labOnThisThread();

describe('a model grid', () => {
  const fakeModel = {
    engine: {} as ChatEngine,
    createEngine: createWebLlmEngine,
    modelId: 'fake-model',
    unload: () => Promise.resolve(),
  };

  it('keeps each run’s events and opens a run from them as a run file', async () => {
    modelSession.set(fakeModel);
    setLabRunnerDeps({
      executeModel: async (cell) => {
        // Stands in for the model: a simulated run's events under the cell's settings.
        const events = collectEvents(searchProgram({ ...cell.settings, engine: DEFAULT_ENGINE }));
        await Promise.resolve();
        const done = events.at(-1);
        const answer = done?.type === 'done' ? done.answer : null;
        const cost = { generated: 7, prefilled: 0, proposerCalls: 1, judgeCalls: 0 };
        return {
          result: { cellId: cell.id, status: 'wrong', answer, cost, events: events.length, ms: 0 },
          events,
        };
      },
    });
    const engine = { ...DEFAULT_WEBLLM_ENGINE, modelId: 'fake-model', judge: 'rule' as const };
    updateLabDraft({ ...SMALL, engine, budgets: [2] });
    modelSession.set({ ...fakeModel, modelId: 'other-model' });
    expect(startLab()).toEqual([
      'The grid asks for fake-model, but other-model is loaded: load it first.',
    ]);
    modelSession.set(fakeModel);
    expect(startLab()).toEqual([]);
    await waitFor(ended);
    const grid = lab().grid;
    const cell = grid?.cells[2];
    if (!grid || !cell) throw new Error('no cell');
    expect(grid.status).toBe('done');
    const events = cellEvents(cell.id);
    expect(events?.length).toBe(grid.results[cell.id]?.events);
    await openCell(cell.id);
    expect(lab().page).toBe('visualizer');
    expect(get().settings).toEqual(cell.settings);
    expect(JSON.stringify(exportRun().events)).toBe(JSON.stringify(events));
    expect(get().status).toBe('done');
  });

  it('an unknown cell opens nothing', async () => {
    setLabPage('lab');
    await openCell('nope');
    expect(lab().page).toBe('lab');
    expect(cellEvents('nope')).toBeNull();
  });
});

describe('window.arbor.lab', () => {
  it('starts a grid, reports its state and its cells, switches pages', async () => {
    const hook = arborTestApi.lab;
    expect(hook.state()).toEqual({
      status: 'idle',
      done: 0,
      total: 0,
      failed: 0,
      page: 'visualizer',
      example: false,
    });
    expect(hook.cells()).toEqual([]);
    expect((await hook.start({ seeds: [] })).length).toBeGreaterThan(0);
    expect(hook.state().status).toBe('idle');
    expect(await hook.start(SMALL)).toEqual([]);
    await waitFor(() => hook.state().status === 'done');
    expect(hook.state()).toEqual({
      status: 'done',
      done: 12,
      total: 12,
      failed: 0,
      page: 'visualizer',
      example: false,
    });
    const cells = hook.cells();
    expect(cells).toHaveLength(12);
    expect(cells.every((c) => ['solved', 'wrong', 'no-answer'].includes(c.status ?? ''))).toBe(
      true,
    );
    hook.setPage('lab');
    expect(hook.state().page).toBe('lab');
  });
});
