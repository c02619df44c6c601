import { describe, expect, it } from 'vitest';
import { collectEvents } from '../core/search';
import { countRuns } from '../lab/grid';
import { DEFAULT_STRATEGIES } from '../lab/strategies';
import { DEFAULT_ENGINE, DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import { searchProgram } from '../run/startSearch';
import { exportRun, setLabPage, setSettings, useArbor } from './index';
import {
  cancelLab,
  openLabExample,
  pauseLab,
  resumeLab,
  selectLabPoint,
  setLabMetric,
  startLab,
  startLabPreset,
  updateLabDraft,
} from './labActions';
import { cellEvents, compareCells, openCell } from './labCells';
import { setLabRunnerDeps } from './labActions';
import { defaultProblemIds } from './labSlice';
import { SMALL, ended, lab, labOnThisThread } from './testing/labSetup';
import { waitFor } from './testing/waitFor';

const get = useArbor.getState;

labOnThisThread();

describe('lab state', () => {
  it('starts on the visualizer with the quick demo as its draft and no grid', () => {
    expect(lab().page).toBe('visualizer');
    expect(lab().grid).toBeNull();
    const d = lab().draft;
    expect(d.problemIds).toHaveLength(12);
    // Every 10th of the 120 puzzles, easiest to hardest: 001, 011, …, 111.
    expect(d.problemIds.slice(0, 2)).toEqual(['g24-001', 'g24-011']);
    expect(d.problemIds[11]).toBe('g24-111');
    expect(d).toMatchObject({
      task: 'game24',
      engine: DEFAULT_ENGINE,
      strategies: DEFAULT_STRATEGIES,
      budgets: [2, 8, 32],
      seeds: [1],
      experiment: { kind: 'budget' },
    });
    expect(countRuns(d)).toBe(144);
  });

  it('takes the visualizer’s simulated engine on opening, until the lab picks its own', () => {
    const engine = { ...DEFAULT_ENGINE, skill: 0.4, prmNoise: 0.6 };
    setSettings({ ...DEFAULT_SETTINGS, engine });
    setLabPage('lab');
    expect(lab().page).toBe('lab');
    expect(lab().draft.engine).toEqual(engine);
    updateLabDraft({ engine: { ...engine, judge: 'rule' } });
    setLabPage('visualizer');
    setSettings(DEFAULT_SETTINGS);
    setLabPage('lab');
    expect(lab().draft.engine).toEqual({ ...engine, judge: 'rule' });
  });

  it('a new task takes 24 of its problems unless the patch lists some', () => {
    updateLabDraft({ task: 'word-problems' });
    expect(lab().draft.problemIds).toHaveLength(24);
    expect(lab().draft.problemIds.every((id) => id.startsWith('wp-'))).toBe(true);
    updateLabDraft({ task: 'game24', problemIds: ['g24-007'] });
    expect(lab().draft.problemIds).toEqual(['g24-007']);
    updateLabDraft({ seeds: [4] });
    expect(lab().draft).toMatchObject({ task: 'game24', problemIds: ['g24-007'], seeds: [4] });
  });

  it('metric and selected point', () => {
    setLabMetric('calls');
    selectLabPoint({ series: 'bon-majority', budget: 8 });
    expect(lab()).toMatchObject({
      metric: 'calls',
      selectedPoint: { series: 'bon-majority', budget: 8 },
    });
    selectLabPoint(null);
    expect(lab().selectedPoint).toBeNull();
  });

  it('a comparison of runs the grid does not have says so and opens nothing', () => {
    expect(compareCells({ id: 'a', title: 'A' }, { id: 'b', title: 'B' })).toMatch(
      /^The first run has no recorded events/,
    );
    expect(useArbor.getState().comparison).toBeNull();
  });
});

describe('running a grid', () => {
  it('refuses a draft with problems, and a model grid with no model loaded', () => {
    updateLabDraft({ problemIds: [] });
    expect(startLab().length).toBeGreaterThan(0);
    expect(lab().grid).toBeNull();
    updateLabDraft({ ...SMALL, engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'm' } });
    expect(startLab()).toContain(
      'No model is loaded: load one in the Model panel, or use the simulated engine.',
    );
    expect(lab().grid).toBeNull();
  });

  it('runs every cell, delivering results in batches, not one update per run', async () => {
    updateLabDraft(SMALL);
    let updates = 0;
    const stop = useArbor.subscribe((s, prev) => {
      const [now, before] = [s.lab.grid, prev.lab.grid];
      if (now && before && now.results !== before.results) updates += 1;
    });
    expect(startLab()).toEqual([]);
    expect(lab().grid).toMatchObject({ status: 'running', error: null });
    expect(lab().grid?.progress.total).toBe(12);
    await waitFor(ended);
    stop();
    const grid = lab().grid;
    expect(grid?.status).toBe('done');
    expect(grid?.cells).toHaveLength(12);
    expect(Object.keys(grid?.results ?? {})).toHaveLength(12);
    expect(grid?.progress).toMatchObject({ done: 12, total: 12, etaMs: null });
    expect(updates).toBe(1); // 12 runs, one batch (batchSize 64)
  });

  it('opens a cell in the visualizer as the exact run the grid made', async () => {
    updateLabDraft(SMALL);
    startLab();
    await waitFor(ended);
    const grid = lab().grid;
    const cell = grid?.cells.find((c) => c.strategy === 'beam-min' && c.budget === 8);
    if (!grid || !cell) throw new Error('no cell');
    setLabPage('lab');
    await openCell(cell.id);
    expect(lab().page).toBe('visualizer');
    expect(get().settings).toEqual(cell.settings);
    const events = exportRun().events;
    expect(JSON.stringify(events)).toBe(
      JSON.stringify(collectEvents(searchProgram(cell.settings))),
    );
    expect(JSON.stringify(cellEvents(cell.id))).toBe(JSON.stringify(events));
    const result = grid.results[cell.id];
    expect(events.length).toBe(result?.events);
    expect(get().tree.done?.answer ?? null).toBe(result?.answer);
  });

  it('compares two cells as the exact runs the grid made, titled as asked', async () => {
    updateLabDraft(SMALL);
    startLab();
    await waitFor(ended);
    const cells = lab().grid?.cells ?? [];
    const [a, b] = [cells[0], cells[cells.length - 1]];
    if (!a || !b) throw new Error('no cells');
    expect(compareCells({ id: a.id, title: 'low' }, { id: b.id, title: 'high' })).toBeNull();
    const c = get().comparison;
    expect(c?.left.title).toBe('low');
    expect(JSON.stringify(c?.left.events)).toBe(
      JSON.stringify(collectEvents(searchProgram(a.settings))),
    );
    expect(JSON.stringify(c?.right.events)).toBe(
      JSON.stringify(collectEvents(searchProgram(b.settings))),
    );
    expect(c?.right.task).toBe(b.settings.task);
    useArbor.setState({ comparison: null });
  });

  it('pauses and resumes at run boundaries', async () => {
    setLabRunnerDeps({ createWorker: null, loop: { batchMs: 1e9, batchSize: 2 } });
    updateLabDraft(SMALL);
    startLab();
    await waitFor(() => (lab().grid?.progress.done ?? 0) > 0);
    pauseLab();
    expect(lab().grid?.status).toBe('paused');
    await new Promise((r) => setTimeout(r, 30));
    const held = lab().grid?.progress.done ?? 0;
    await new Promise((r) => setTimeout(r, 30));
    expect(lab().grid?.progress.done).toBe(held);
    expect(held).toBeLessThan(12);
    resumeLab();
    expect(lab().grid?.status).toBe('running');
    await waitFor(ended);
    expect(lab().grid?.status).toBe('done');
    expect(lab().grid?.progress.done).toBe(12);
  });

  it('cancel halfway keeps the partial results and runs nothing more', async () => {
    setLabRunnerDeps({ createWorker: null, loop: { batchMs: 1e9, batchSize: 4 } });
    updateLabDraft({ ...SMALL, problemIds: defaultProblemIds('game24'), budgets: [2, 8, 32] });
    startLab();
    const total = lab().grid?.progress.total ?? 0;
    expect(total).toBe(144);
    await waitFor(() => (lab().grid?.progress.done ?? 0) >= 8);
    cancelLab();
    await waitFor(() => lab().grid?.status === 'cancelled');
    const final = lab().grid?.progress.done;
    await new Promise((r) => setTimeout(r, 50));
    const grid = lab().grid;
    expect(grid?.progress.done).toBe(final); // nothing lands after it shows cancelled
    const kept = Object.keys(grid?.results ?? {});
    expect(kept.length).toBeGreaterThanOrEqual(8);
    expect(kept.length).toBeLessThan(total);
    expect(grid?.progress.done).toBe(kept.length);
    expect(grid?.status).toBe('cancelled');
    const ids = new Set(grid?.cells.map((c) => c.id));
    expect(kept.every((id) => ids.has(id))).toBe(true);
  });

  it('a new start replaces the grid: the old grid’s results never mix in', async () => {
    updateLabDraft({ ...SMALL, problemIds: defaultProblemIds('game24'), budgets: [2, 8, 32] });
    startLab();
    updateLabDraft(SMALL);
    startLab();
    await waitFor(ended);
    await new Promise((r) => setTimeout(r, 30));
    const grid = lab().grid;
    expect(grid?.cells).toHaveLength(12);
    expect(Object.keys(grid?.results ?? {}).sort()).toEqual(grid?.cells.map((c) => c.id).sort());
  });
});

describe('the example and the presets', () => {
  it('computes the quick demo as an example once, while no grid exists, leaving the draft', async () => {
    updateLabDraft({ seeds: [7] });
    expect(openLabExample()).toBe(true);
    expect(lab().grid).toMatchObject({ example: true, status: 'running' });
    expect(lab().grid?.spec).toMatchObject({ budgets: [2, 8, 32], seeds: [1] });
    expect(lab().grid?.spec.problemIds).toHaveLength(12);
    expect(lab().draft.seeds).toEqual([7]);
    await waitFor(ended);
    expect(lab().grid).toMatchObject({ example: true, status: 'done' });
    expect(lab().grid?.progress.done).toBe(144);
    expect(openLabExample()).toBe(false);
  });

  it('a preset fills the draft, keeps its engine, starts, and replaces the example', () => {
    openLabExample();
    const engine = { ...DEFAULT_ENGINE, skill: 0.5 };
    updateLabDraft({ engine });
    expect(startLabPreset('full')).toEqual([]);
    expect(lab().grid).toMatchObject({ example: false, status: 'running' });
    expect(lab().draft).toMatchObject({ engine, seeds: [1, 2, 3] });
    expect(lab().grid?.progress.total).toBe(864);
  });
});
