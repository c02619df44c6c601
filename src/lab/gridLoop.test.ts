import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BEST_OF_N } from '../core/search/settings';
import { DEFAULT_SETTINGS } from '../run/settings';
import type { CellExecutor, GridLoopEvents, GridPlan } from './gridLoop';
import { GridLoop, estimateEta } from './gridLoop';
import type { CellResult, GridCell, GridProgress, GridSpec } from './types';

const SPEC: GridSpec = {
  task: 'game24',
  problemIds: ['g24-001'],
  engine: DEFAULT_SETTINGS.engine,
  strategies: ['bon-majority'],
  budgets: [2],
  seeds: [1],
  experiment: { kind: 'budget' },
};

function cell(i: number, role: GridCell['role'] = 'run'): GridCell {
  return {
    id: `c${i}`,
    problemId: `p${i}`,
    strategy: 'bon-majority',
    budget: 2,
    seed: 1,
    variant: null,
    arm: '',
    role,
    settings: { ...DEFAULT_SETTINGS, search: DEFAULT_BEST_OF_N },
  };
}

function solved(c: GridCell, generated = 10): CellResult {
  return {
    cellId: c.id,
    status: 'solved',
    answer: '24',
    cost: { generated, prefilled: 0, proposerCalls: 1, judgeCalls: 1 },
    events: 5,
    ms: 1,
  };
}

function fixedPlan(cells: GridCell[], second: GridPlan['second'] = () => []): GridPlan {
  return { first: () => cells, second };
}

/** Records every event the loop reports. */
function recorder() {
  const log: string[] = [];
  const batches: CellResult[][] = [];
  const progress: GridProgress[] = [];
  let finished: { status: string; progress: GridProgress } | null = null;
  const events: GridLoopEvents = {
    stage: (stage, cells) => log.push(`stage ${stage}: ${cells.length}`),
    results: (batch, p) => {
      batches.push(batch);
      progress.push(p);
      log.push(`results ${batch.length}`);
    },
    progress: (p) => {
      progress.push(p);
      log.push('progress');
    },
    finished: (status, p) => {
      finished = { status, progress: p };
      log.push(`finished ${status}`);
    },
  };
  return { events, log, batches, progress, finished: () => finished };
}

const noBreath = () => Promise.resolve();

describe('estimateEta', () => {
  it('is elapsed / done × runs left, null before the first run', () => {
    expect(estimateEta(1000, 4, 10)).toBe(1500);
    expect(estimateEta(300, 3, 3)).toBe(0);
    expect(estimateEta(0, 0, 10)).toBeNull();
  });
});

describe('GridLoop', () => {
  it('batches by time: 40 ms runs and 100 ms batches give batches of 3, 3, 1', async () => {
    let t = 0;
    const cells = Array.from({ length: 7 }, (_, i) => cell(i));
    const execute: CellExecutor = (c) => {
      t += 40;
      return solved(c);
    };
    const r = recorder();
    const loop = new GridLoop(SPEC, {
      execute,
      plan: fixedPlan(cells),
      events: r.events,
      now: () => t,
      breathe: noBreath,
      batchMs: 100,
    });
    expect(await loop.run()).toBe('done');
    expect(r.log).toEqual(['stage 1: 7', 'results 3', 'results 3', 'results 1', 'finished done']);
    expect(r.batches.flat().map((x) => x.cellId)).toEqual(cells.map((c) => c.id));
    // After 3 runs of 40 ms: 120 ms elapsed, 4 runs left at 120 / 3 = 40 ms each.
    expect(r.progress[0]).toEqual({ done: 3, total: 7, failed: 0, elapsedMs: 120, etaMs: 160 });
    expect(r.finished()?.progress).toEqual({
      done: 7,
      total: 7,
      failed: 0,
      elapsedMs: 280,
      etaMs: 0,
    });
  });

  it('batches by count: at most batchSize results per batch', async () => {
    const cells = Array.from({ length: 10 }, (_, i) => cell(i));
    const r = recorder();
    const loop = new GridLoop(SPEC, {
      execute: (c) => solved(c),
      plan: fixedPlan(cells),
      events: r.events,
      now: () => 0,
      breathe: noBreath,
      batchSize: 4,
    });
    await loop.run();
    expect(r.batches.map((b) => b.length)).toEqual([4, 4, 2]);
  });

  it('turns a run that throws into a failed result and goes on', async () => {
    const cells = [cell(0), cell(1), cell(2)];
    const r = recorder();
    const loop = new GridLoop(SPEC, {
      execute: (c) => {
        if (c.id === 'c1') throw new Error('engine broke');
        return solved(c);
      },
      plan: fixedPlan(cells),
      events: r.events,
      now: () => 0,
      breathe: noBreath,
    });
    await loop.run();
    const all = r.batches.flat();
    expect(all.map((x) => x.status)).toEqual(['solved', 'failed', 'solved']);
    expect(all[1]).toMatchObject({ cellId: 'c1', error: 'engine broke', answer: null, events: 0 });
    expect(r.finished()?.progress).toMatchObject({ done: 3, failed: 1 });
  });

  it('runs the second stage from the first stage’s results, total from count()', async () => {
    const first = [cell(0, 'preview'), cell(1, 'preview')];
    const plan: GridPlan = {
      first: () => first,
      // Only problems whose preview was not solved get an allocated run.
      second: (_spec, cells, results) =>
        cells
          .filter((c) => results.get(c.id)?.status !== 'solved')
          .map((c, i) => ({ ...cell(10 + i, 'allocated'), problemId: c.problemId })),
      count: () => 4,
    };
    const r = recorder();
    const loop = new GridLoop(SPEC, {
      execute: (c) => (c.id === 'c1' ? { ...solved(c), status: 'wrong' } : solved(c)),
      plan,
      events: r.events,
      now: () => 0,
      breathe: noBreath,
      batchSize: 1,
    });
    await loop.run();
    expect(r.log).toEqual([
      'stage 1: 2',
      'results 1',
      'results 1',
      'stage 2: 1',
      'results 1',
      'finished done',
    ]);
    expect(r.progress[0]?.total).toBe(4); // the upper bound before stage 2 is planned
    expect(r.progress[2]?.total).toBe(3);
    expect(r.batches[2]?.[0]?.cellId).toBe('c10');
  });

  it('pauses at the next run boundary, not counting paused time, and resumes', async () => {
    let t = 0;
    const cells = [cell(0), cell(1), cell(2)];
    const ran: string[] = [];
    let loop: GridLoop | null = null;
    const r = recorder();
    loop = new GridLoop(SPEC, {
      execute: async (c) => {
        ran.push(c.id);
        await Promise.resolve();
        t += 10;
        if (c.id === 'c0') loop?.pause(); // paused while the first run is in flight
        return solved(c);
      },
      plan: fixedPlan(cells),
      events: r.events,
      now: () => t,
      breathe: noBreath,
      batchSize: 100,
    });
    const done = loop.run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loop.status).toBe('paused');
    expect(ran).toEqual(['c0']); // the run in flight finished; the next did not start
    expect(r.batches.flat().map((x) => x.cellId)).toEqual(['c0']); // delivered on pause
    t += 5000; // paused for 5 s
    loop.resume();
    expect(await done).toBe('done');
    expect(ran).toEqual(['c0', 'c1', 'c2']);
    expect(r.finished()?.progress.elapsedMs).toBe(30);
  });

  it('cancels: aborts and drops the run in flight, keeps the results before it', async () => {
    const cells = Array.from({ length: 5 }, (_, i) => cell(i));
    let loop: GridLoop | null = null;
    const signals: AbortSignal[] = [];
    const r = recorder();
    loop = new GridLoop(SPEC, {
      execute: (c, signal) => {
        signals.push(signal);
        if (c.id !== 'c2') return solved(c);
        // A model run: it ends when aborted, with a result saying so.
        return new Promise<CellResult>((resolve) => {
          signal.addEventListener('abort', () => resolve({ ...solved(c), status: 'failed' }));
          loop?.cancel();
        });
      },
      plan: fixedPlan(cells),
      events: r.events,
      now: () => 0,
      breathe: noBreath,
      batchSize: 100,
    });
    expect(await loop.run()).toBe('cancelled');
    expect(signals[2]?.aborted).toBe(true);
    expect(r.batches.flat().map((x) => x.cellId)).toEqual(['c0', 'c1']);
    expect(r.log.at(-1)).toBe('finished cancelled');
    expect(r.finished()?.progress).toMatchObject({ done: 2, total: 5, failed: 0 });
  });

  it('cancelled before it runs: runs nothing', async () => {
    const r = recorder();
    let runs = 0;
    const loop = new GridLoop(SPEC, {
      execute: (c) => {
        runs += 1;
        return solved(c);
      },
      plan: fixedPlan([cell(0)]),
      events: r.events,
    });
    loop.cancel();
    expect(await loop.run()).toBe('cancelled');
    expect(runs).toBe(0);
    expect(r.log).toEqual(['finished cancelled']);
  });

  it('lets other work run between batches of a synchronous engine', async () => {
    const cells = Array.from({ length: 6 }, (_, i) => cell(i));
    let breaths = 0;
    const loop = new GridLoop(SPEC, {
      execute: (c) => solved(c),
      plan: fixedPlan(cells),
      events: recorder().events,
      now: () => 0,
      breathe: () => {
        breaths += 1;
        return Promise.resolve();
      },
      batchSize: 2,
    });
    await loop.run();
    expect(breaths).toBe(3);
  });

  it('delivers every result once, in order, in batches no larger than batchSize', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 5 }),
        async (n, batchSize, throwing) => {
          const cells = Array.from({ length: n }, (_, i) => cell(i));
          const r = recorder();
          const loop = new GridLoop(SPEC, {
            execute: (c) => {
              if (throwing.includes(Number(c.id.slice(1)))) throw new Error('x');
              return solved(c);
            },
            plan: fixedPlan(cells),
            events: r.events,
            now: () => 0,
            breathe: noBreath,
            batchSize,
          });
          await loop.run();
          const all = r.batches.flat();
          expect(all.map((x) => x.cellId)).toEqual(cells.map((c) => c.id));
          expect(r.batches.every((b) => b.length > 0 && b.length <= batchSize)).toBe(true);
          const failed = cells.filter((_, i) => throwing.includes(i)).length;
          expect(r.finished()?.progress).toMatchObject({ done: n, total: n, failed });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('GridLoop with runs in flight together', () => {
  /** An executor whose runs finish only when the test says, in any order. */
  function held() {
    const open = new Map<string, { finish: () => void; signal: AbortSignal }>();
    let most = 0;
    const execute: CellExecutor = (c, signal) =>
      new Promise<CellResult>((resolve) => {
        open.set(c.id, {
          finish: () => {
            open.delete(c.id);
            resolve(solved(c));
          },
          signal,
        });
        most = Math.max(most, open.size);
      });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    return { execute, open, most: () => most, tick };
  }

  it('keeps `parallel` runs going, starts the next as one ends, and reports each once', async () => {
    const h = held();
    const cells = Array.from({ length: 7 }, (_, i) => cell(i));
    const r = recorder();
    const loop = new GridLoop(SPEC, {
      execute: h.execute,
      plan: fixedPlan(cells),
      events: r.events,
      breathe: noBreath,
      parallel: 3,
    });
    const done = loop.run();
    await h.tick();
    expect([...h.open.keys()]).toEqual([cells[0]?.id, cells[1]?.id, cells[2]?.id]);
    // The last of the three ends first: the fourth starts in its place.
    h.open.get(cells[2]?.id ?? '')?.finish();
    await h.tick();
    expect([...h.open.keys()]).toEqual([cells[0]?.id, cells[1]?.id, cells[3]?.id]);
    while (h.open.size > 0) {
      for (const run of [...h.open.values()].reverse()) run.finish();
      await h.tick();
    }
    expect(await done).toBe('done');
    expect(h.most()).toBe(3);
    const ids = r.batches.flat().map((x) => x.cellId);
    expect([...ids].sort()).toEqual(cells.map((c) => c.id).sort());
    expect(new Set(ids).size).toBe(7);
  });

  it('cancel aborts every run in flight and keeps the finished ones', async () => {
    const h = held();
    const cells = Array.from({ length: 5 }, (_, i) => cell(i));
    const r = recorder();
    const loop = new GridLoop(SPEC, {
      execute: h.execute,
      plan: fixedPlan(cells),
      events: r.events,
      breathe: noBreath,
      parallel: 2,
    });
    const done = loop.run();
    await h.tick();
    h.open.get(cells[0]?.id ?? '')?.finish();
    await h.tick();
    const signals = [...h.open.values()].map((x) => x.signal);
    expect(signals).toHaveLength(2);
    loop.cancel();
    expect(signals.every((s) => s.aborted)).toBe(true);
    for (const run of [...h.open.values()]) run.finish();
    expect(await done).toBe('cancelled');
    expect(r.batches.flat().map((x) => x.cellId)).toEqual([cells[0]?.id]);
  });
});
