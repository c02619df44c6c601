import { describe, expect, it } from 'vitest';
import { createWebLlmEngine } from '../engines/webllm/adapter';
import type { TraceEvent } from '../core/tree/events';
import { DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import type { ChatEngine } from '../engines/webllm';
import { modelSession } from '../engines/webllm/session';
import { GAME24_REFUSAL } from './forcedCell';
import type { GridPlan } from './gridLoop';
import type { LabSink, LabWorkerLike } from './labRunner';
import { startLabRun } from './labRunner';
import type { CellResult, GridCell, GridProgress, GridSpec } from './types';
import { createLabHost } from './worker/host';
import type { LabRequest, LabResponse } from './worker/messages';

const SIM: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001'],
  engine: DEFAULT_SETTINGS.engine,
  strategies: ['bon-majority'],
  budgets: [2],
  seeds: [1],
  experiment: { kind: 'budget' },
};
const MODEL: GridSpec = { ...SIM, engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'm' } };

const cells: GridCell[] = Array.from({ length: 4 }, (_, i) => ({
  id: `c${i}`,
  problemId: 'g24-001',
  strategy: 'bon-majority',
  budget: 2,
  seed: i + 1,
  variant: null,
  arm: '',
  role: 'run',
  settings: DEFAULT_SETTINGS,
}));
const plan: GridPlan = { first: () => cells, second: () => [] };

function result(c: GridCell): CellResult {
  const cost = { generated: 3, prefilled: 0, proposerCalls: 1, judgeCalls: 1 };
  return { cellId: c.id, status: 'solved', answer: '24', cost, events: 2, ms: 0 };
}

interface Log {
  calls: string[];
  results: CellResult[];
  events: Map<string, TraceEvent[]>;
  end: Promise<{ how: string; progress?: GridProgress; message?: string }>;
  sink: LabSink;
}

function log(): Log {
  const calls: string[] = [];
  const results: CellResult[] = [];
  const events = new Map<string, TraceEvent[]>();
  let settle: (v: { how: string; progress?: GridProgress; message?: string }) => void = () => {};
  const end = new Promise<{ how: string; progress?: GridProgress; message?: string }>(
    (resolve) => (settle = resolve),
  );
  const sink: LabSink = {
    stage: (stage) => calls.push(`stage ${stage}`),
    results: (batch) => {
      calls.push('results');
      results.push(...batch);
    },
    progress: (_p, paused) => calls.push(paused ? 'paused' : 'progress'),
    finished: (status, progress) => {
      calls.push(`finished ${status}`);
      settle({ how: status, progress });
    },
    error: (message) => {
      calls.push('error');
      settle({ how: 'error', message });
    },
    events: (cellId, e) => events.set(cellId, e),
  };
  return { calls, results, events, end, sink };
}

/** A worker on this thread: the real host behind asynchronous messages both ways. */
class LoopbackWorker implements LabWorkerLike {
  onmessage: ((event: MessageEvent<LabResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly requests: LabRequest[] = [];
  private readonly host: (r: LabRequest) => void;

  constructor(execute: (c: GridCell) => CellResult, answer = true) {
    this.host = createLabHost(
      (m) =>
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<LabResponse>);
        }, 0),
      { execute, plan, batchSize: 2 },
    );
    if (!answer) this.host = () => undefined;
  }

  postMessage(message: LabRequest): void {
    this.requests.push(message);
    setTimeout(() => this.host(message), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('startLabRun', () => {
  it('runs a simulated grid in the worker and ends the worker when it is done', async () => {
    const worker = new LoopbackWorker(result);
    const l = log();
    const run = startLabRun(SIM, l.sink, { createWorker: () => worker });
    expect(run.where).toBe('worker');
    const end = await l.end;
    expect(end).toMatchObject({ how: 'done', progress: { done: 4, total: 4, failed: 0 } });
    expect(l.calls).toEqual(['stage 1', 'results', 'results', 'finished done']);
    expect(l.results.map((r) => r.cellId)).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(worker.requests).toEqual([{ type: 'start', spec: SIM }]);
    expect(worker.terminated).toBe(true);
  });

  it('says when the worker fails to load, and ends it', async () => {
    const worker = new LoopbackWorker(result, false);
    const l = log();
    startLabRun(SIM, l.sink, { createWorker: () => worker });
    worker.onerror?.({ message: '' } as ErrorEvent);
    expect(await l.end).toEqual({
      how: 'error',
      message: 'The lab worker failed (its script did not load)',
    });
    expect(worker.terminated).toBe(true);
  });

  it('ends a cancelled worker that does not answer after the grace time', async () => {
    const worker = new LoopbackWorker(result, false);
    const l = log();
    const run = startLabRun(SIM, l.sink, { createWorker: () => worker, cancelGraceMs: 30 });
    run.cancel();
    const end = await l.end;
    expect(end.how).toBe('cancelled');
    expect(end.progress).toEqual({ done: 0, total: 0, failed: 0, elapsedMs: 0, etaMs: null });
    expect(worker.requests.map((r) => r.type)).toEqual(['start', 'cancel']);
    expect(worker.terminated).toBe(true);
  });

  it('runs a simulated grid on this thread when there is no Worker', async () => {
    const l = log();
    const run = startLabRun(SIM, l.sink, { createWorker: null, plan });
    expect(run.where).toBe('main');
    expect((await l.end).how).toBe('done');
    // The real simulated engine ran each cell (DEFAULT_SETTINGS: an MCTS run on g24-001).
    expect(l.results).toHaveLength(4);
    expect(l.results.every((r) => r.events > 0 && r.status !== 'failed')).toBe(true);
  });

  it('runs model cells one at a time on this thread, keeping their events', async () => {
    const l = log();
    let inFlight = 0;
    let most = 0;
    const run = startLabRun(MODEL, l.sink, {
      plan,
      executeModel: async (c) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight -= 1;
        const events: TraceEvent[] = [{ type: 'done', answer: '24', correct: true } as TraceEvent];
        return { result: result(c), events };
      },
    });
    expect(run.where).toBe('main');
    expect((await l.end).how).toBe('done');
    expect(most).toBe(1);
    expect([...l.events.keys()]).toEqual(['c0', 'c1', 'c2', 'c3']);
  });

  it('cancel aborts the model run in flight and keeps the finished ones', async () => {
    const l = log();
    const signals: AbortSignal[] = [];
    const run = startLabRun(MODEL, l.sink, {
      plan,
      loop: { batchSize: 1 },
      executeModel: (c, signal) => {
        signals.push(signal);
        if (c.id === 'c0') return Promise.resolve({ result: result(c), events: [] });
        return new Promise((resolve) =>
          signal.addEventListener('abort', () =>
            resolve({ result: { ...result(c), status: 'failed' }, events: [] }),
          ),
        );
      },
    });
    await new Promise((r) => setTimeout(r, 10));
    run.cancel();
    expect(await l.end).toMatchObject({ how: 'cancelled', progress: { done: 1 } });
    expect(signals).toHaveLength(2);
    expect(signals[1]?.aborted).toBe(true);
    expect(l.results.map((r) => r.cellId)).toEqual(['c0']);
    expect([...l.events.keys()]).toEqual(['c0']);
  });

  it('sends a budget-forcing cell to runForcedCell with the loaded model', async () => {
    modelSession.set({
      createEngine: createWebLlmEngine,
      engine: {} as ChatEngine,
      modelId: 'm',
      unload: () => Promise.resolve(),
    });
    try {
      const forced: GridCell = {
        ...(cells[0] as GridCell),
        forcing: { mode: 'cap', thinkingTokens: 64 },
      };
      const l = log();
      startLabRun(MODEL, l.sink, { plan: { first: () => [forced], second: () => [] } });
      expect((await l.end).how).toBe('done');
      // runForcedCell's own answer for a Game of 24 cell (budget forcing is word problems only).
      expect(l.results).toMatchObject([{ cellId: 'c0', status: 'failed', error: GAME24_REFUSAL }]);
      expect(l.events.get('c0')).toEqual([]);
    } finally {
      modelSession.set(null);
    }
  });
});
