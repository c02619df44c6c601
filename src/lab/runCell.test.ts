import { describe, expect, it } from 'vitest';
import { collectEvents } from '../core/search';
import type { Cost, DoneEvent, TraceEvent } from '../core/tree/events';
import { DEFAULT_SETTINGS } from '../run/settings';
import { searchProgram } from '../run/startSearch';
import { planGrid } from './grid';
import { runCellAsync, runCellSync, summarizeRun } from './runCell';
import type { GridCell, GridSpec } from './types';

const cost = (generated: number, prefilled: number, p: number, j: number): Cost => ({
  generated,
  prefilled,
  proposerCalls: p,
  judgeCalls: j,
});

// A hand-made run: an expansion (10 generated, 20 prefilled, 1 proposer call), a score
// (1 judge call) and a simulation (5 generated, 3 prefilled, 1 proposer call).
const head: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: 'Use 1 2 3 4 with + − × ÷ to make 24.' },
  {
    type: 'expand',
    iteration: 0,
    node: 0,
    children: [],
    skipped: 'no-proposals',
    cost: cost(10, 20, 1, 0),
  },
  {
    type: 'score',
    node: 1,
    score: 0.5,
    evidence: { judge: 'simulated-prm', truth: 1, noise: 0.2 },
    cost: cost(0, 0, 0, 1),
  },
  {
    type: 'simulate',
    iteration: 0,
    from: 1,
    mode: 'rollout',
    steps: [],
    answer: null,
    reward: 0,
    cost: cost(5, 3, 1, 0),
  },
];
const done = (answer: string | null, correct: boolean): DoneEvent => ({
  type: 'done',
  node: answer === null ? null : 1,
  answer,
  correct,
  reason: answer === null ? 'none' : 'most-visited',
});

describe('summarizeRun', () => {
  const total = cost(15, 23, 2, 1);
  it('reads solved, wrong and no-answer from the done event, with the summed cost', () => {
    expect(summarizeRun([...head, done('24', true)])).toEqual({
      status: 'solved',
      answer: '24',
      cost: total,
      events: 5,
    });
    expect(summarizeRun([...head, done('23', false)])).toMatchObject({
      status: 'wrong',
      answer: '23',
    });
    expect(summarizeRun([...head, done(null, false)])).toMatchObject({
      status: 'no-answer',
      answer: null,
      cost: total,
    });
  });

  it('counts a run that threw as failed, with the cost spent before it', () => {
    expect(summarizeRun(head, new Error('GPU lost'))).toEqual({
      status: 'failed',
      answer: null,
      cost: total,
      events: 4,
      error: 'GPU lost',
    });
    expect(summarizeRun([], 'plain string')).toMatchObject({
      status: 'failed',
      error: 'plain string',
    });
    expect(summarizeRun(head)).toMatchObject({
      status: 'failed',
      error: 'the run ended without an answer event',
    });
  });

  it('keeps the votes of a voting decision', () => {
    const voted: TraceEvent = { ...done('24', true), reason: 'majority', votes: { '24': 2 } };
    expect(summarizeRun([...head, voted]).votes).toEqual({ '24': 2 });
  });
});

const spec: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001', 'g24-050'],
  engine: DEFAULT_SETTINGS.engine,
  strategies: ['bon-majority', 'mcts-prm'],
  budgets: [2],
  seeds: [3],
  experiment: { kind: 'budget' },
};

describe('running a cell', () => {
  it('gives the result of the exact run the settings describe', () => {
    for (const cell of planGrid(spec)) {
      const result = runCellSync(cell);
      const events = collectEvents(searchProgram(cell.settings));
      const { ms, ...rest } = result;
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(rest).toEqual({ cellId: cell.id, ...summarizeRun(events) });
      expect(['solved', 'wrong', 'no-answer']).toContain(result.status);
    }
  });

  it('turns a run that throws into a failed result, synchronously and asynchronously', async () => {
    const [first] = planGrid(spec);
    const bad: GridCell = {
      ...(first as GridCell),
      settings: { ...DEFAULT_SETTINGS, problemId: 'g24-999' },
    };
    expect(runCellSync(bad)).toMatchObject({
      cellId: bad.id,
      status: 'failed',
      error: 'Unknown puzzle "g24-999"',
      events: 0,
      cost: cost(0, 0, 0, 0),
    });
    const { result, events, aborted } = await runCellAsync(bad);
    expect(result).toMatchObject({ status: 'failed', error: 'Unknown puzzle "g24-999"' });
    expect(events).toEqual([]);
    expect(aborted).toBe(false);
  });

  it('runs asynchronously to the same result and events, and tells a cancelled run apart', async () => {
    const cell = planGrid(spec)[1] as GridCell;
    const { result, events, aborted } = await runCellAsync(cell);
    expect({ ...result, ms: 0 }).toEqual({ ...runCellSync(cell), ms: 0 });
    expect(events).toEqual(collectEvents(searchProgram(cell.settings)));
    expect(aborted).toBe(false);
    const controller = new AbortController();
    controller.abort();
    const stopped = await runCellAsync(cell, controller.signal);
    expect(stopped.aborted).toBe(true);
    expect(stopped.result).toMatchObject({ status: 'failed', error: 'cancelled' });
  });
});
