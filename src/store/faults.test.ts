import { afterEach, describe, expect, it } from 'vitest';
import { createWebLlmEngine } from '../engines/webllm/adapter';
import type { StepProposer } from '../core/engine';
import { runSearch } from '../core/search';
import type { MctsSettings } from '../core/search/settings';
import type { Game24Problem, Game24State } from '../core/tasks/game24';
import { game24Task, getPuzzle } from '../core/tasks/game24';
import type { TraceEvent } from '../core/tree/events';
import { reduce } from '../core/tree/reduce';
import { game24Entry } from '../core/tasks/game24/entry';
import { createSimulatedEngine } from '../engines/simulated';
import { watchdog } from '../engines/webllm/requests';
import { modelSession } from '../engines/webllm/session';
import { FakeEngine } from '../engines/webllm/testing/fakeEngine';
import { game24Model } from '../engines/webllm/testing/game24Model';
import { decided } from '../run/resume';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import { runRng } from '../run/startSearch';
import { continueRun, runToEnd, setSettings, step, stopRun } from './runActions';
import { setStartProgram } from './runner';
import { useArbor } from './store';
import { waitFor } from './testing/waitFor';

/**
 * Faults in the middle of a run (issue 6): an engine that throws or hangs stops the run with a
 * message saying what failed and where, keeps every event so far, and the run can be
 * continued — to the same events as a run that never failed (simulated engine, byte for byte).
 */

const get = useArbor.getState;
const json = (events: readonly TraceEvent[]) => JSON.stringify(events);

const MCTS: MctsSettings = {
  algorithm: 'mcts',
  rule: 'uct',
  c: 1.4,
  iterations: 4,
  maxDepth: 3,
  childrenPerExpansion: 2,
  valueMode: 'prm',
};

const SIMULATED: RunSettings = { ...DEFAULT_SETTINGS, problemId: 'g24-001', seed: 7 };

const MODEL_RUN: RunSettings = {
  ...DEFAULT_SETTINGS,
  problemId: 'g24-001',
  search: MCTS,
  engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'Fake-Model' },
};

/** searchProgram's simulated run, its proposer failing on its `k`-th call (1-based). */
function failingOnCall(k: number, message = 'device lost') {
  return (settings: RunSettings, signal?: AbortSignal) => {
    if (settings.engine.kind !== 'simulated') throw new Error('simulated settings expected');
    const { proposer, judge } = createSimulatedEngine(game24Entry, settings.engine);
    let calls = 0;
    const fail = () => {
      calls += 1;
      if (calls === k) throw new Error(message);
    };
    const faulty: StepProposer<Game24State, Game24Problem> = {
      ...proposer,
      propose: (ctx, n) => (fail(), proposer.propose(ctx, n)),
      rollout: (ctx, n) => (fail(), proposer.rollout(ctx, n)),
    };
    return runSearch(
      {
        task: game24Task,
        problem: getPuzzle(settings.problemId) as Game24Problem,
        proposer: faulty,
        judge,
        rng: runRng(settings),
        ...(signal ? { signal } : {}),
      },
      settings.search,
    );
  };
}

async function wholeRun(settings: RunSettings): Promise<TraceEvent[]> {
  setSettings(settings);
  await runToEnd();
  expect(get().error).toBeNull();
  return get().trace.all.slice();
}

function loadFake(fake: FakeEngine): void {
  modelSession.set({
    createEngine: createWebLlmEngine,
    engine: fake,
    modelId: 'Fake-Model',
    unload: () => Promise.resolve(),
  });
}

const DEFAULT_STALL = watchdog.stallMs;

afterEach(() => {
  stopRun();
  setStartProgram(null);
  watchdog.stallMs = DEFAULT_STALL;
  modelSession.set(null);
  modelSession.gate.resume();
  setSettings(DEFAULT_SETTINGS);
});

describe('a simulated engine that throws mid-run', () => {
  it('stops with a message naming the failure and where; the events so far are kept', async () => {
    const full = await wholeRun(SIMULATED);
    setStartProgram(failingOnCall(3));
    setSettings(SIMULATED);
    await runToEnd();
    const s = get();
    const kept = s.trace.length;
    expect(kept).toBeGreaterThan(1);
    expect(kept).toBeLessThan(full.length);
    expect(s.error).toBe(
      `device lost — after event ${kept} (${full[kept - 1]?.type}, iteration ${(full[kept - 1] as { iteration: number }).iteration})`,
    );
    expect(s.status).toBe('error');
    expect(s.busy).toBe(false);
    expect(s.complete).toBe(false);
    // Every event before the fault is there, as the run without a fault made it, and the tree
    // at the end is what they reduce to.
    expect(json(s.trace.all)).toBe(json(full.slice(0, kept)));
    expect(s.cursor).toBe(kept);
    expect(s.tree).toEqual(reduce(full.slice(0, kept)));
    // Nothing moves until the run is continued.
    expect(await step()).toBe(false);
    expect(get().trace.length).toBe(kept);
  });

  it('continued with the fault gone, ends byte for byte as a run that never failed', async () => {
    const full = await wholeRun(SIMULATED);
    setStartProgram(failingOnCall(5));
    setSettings(SIMULATED);
    await runToEnd();
    const kept = get().trace.length;
    expect(get().error).toMatch(/^device lost — after event /);
    setStartProgram(null);
    expect(continueRun()).toBe(true);
    expect(get().error).toBeNull();
    expect(get().status).not.toBe('error');
    await runToEnd();
    const s = get();
    expect(s.error).toBeNull();
    expect(s.complete).toBe(true);
    expect(s.trace.length).toBeGreaterThan(kept);
    expect(json(s.trace.all)).toBe(json(full));
  });

  it('can fail again and be continued again', async () => {
    const full = await wholeRun(SIMULATED);
    setStartProgram(failingOnCall(2, 'first'));
    setSettings(SIMULATED);
    await runToEnd();
    const first = get().trace.length;
    // The continued run's proposer is asked anew from the start (the simulated run is made
    // again), so its 6th call is past the first fault.
    setStartProgram(failingOnCall(6, 'second'));
    continueRun();
    await runToEnd();
    expect(get().error).toMatch(/^second — after event /);
    expect(get().trace.length).toBeGreaterThan(first);
    setStartProgram(null);
    continueRun();
    await runToEnd();
    expect(json(get().trace.all)).toBe(json(full));
  });

  it('refuses to continue over events its search does not make again, keeping them', async () => {
    setStartProgram(failingOnCall(4));
    setSettings(SIMULATED);
    await runToEnd();
    const kept = get().trace.all.slice();
    // Another seed makes another search: the recorded events cannot be continued by it.
    useArbor.setState({ settings: { ...SIMULATED, seed: 8 } });
    setStartProgram(null);
    continueRun();
    await runToEnd();
    const s = get();
    expect(s.error).toMatch(
      /^The run could not be continued: its search, started again, made a different event \d+ \(\w+ where the run recorded \w+\)\. Its \d+ events are kept\.$/,
    );
    expect(json(s.trace.all)).toBe(json(kept));
  });

  it('a run stopped by the user continues to the same end', async () => {
    const full = await wholeRun(SIMULATED);
    setSettings(SIMULATED);
    for (let i = 0; i < 9; i++) await step();
    stopRun();
    expect(get().stopped).toBe(true);
    expect(continueRun()).toBe(true);
    expect(get().stopped).toBe(false);
    expect(get().complete).toBe(false);
    await runToEnd();
    expect(get().complete).toBe(true);
    expect(json(get().trace.all)).toBe(json(full));
  });

  it('has nothing to continue in a finished run', async () => {
    await wholeRun(SIMULATED);
    expect(continueRun()).toBe(false);
    expect(get().complete).toBe(true);
  });
});

describe('a model that throws or hangs mid-run', () => {
  /** The uninterrupted model run's events (the fake model answers by seed and state). */
  async function wholeModelRun(): Promise<{ events: TraceEvent[]; calls: number }> {
    const fake = new FakeEngine({ script: (r) => game24Model(r) });
    loadFake(fake);
    const events = await wholeRun(MODEL_RUN);
    return { events, calls: fake.calls.length };
  }

  it('stops on the failed request, and continues to a whole tree over the recorded events', async () => {
    const whole = await wholeModelRun();
    // Each iteration writes 2 steps (a request each), then judges them (one each): the 6th
    // request is the 2nd iteration's second step, so its expansion is lost with it.
    const fake = new FakeEngine({ script: (r) => game24Model(r), throwOnCall: 6 });
    loadFake(fake);
    setSettings(MODEL_RUN);
    await runToEnd();
    const recorded = get().trace.all.slice();
    expect(get().error).toMatch(
      /^The model failed while [a-z ]+: fake engine: scripted failure on call 6 — after event \d+ \(\w+, iteration 2\)$/,
    );
    expect(fake.calls).toHaveLength(6);
    continueRun();
    await runToEnd();
    const s = get();
    expect(s.error).toBeNull();
    expect(s.complete).toBe(true);
    expect(s.tree.done).not.toBeNull();
    // The first events are the recorded ones, untouched (costs included).
    expect(json(s.trace.all.slice(0, recorded.length))).toBe(json(recorded));
    // The answers the run recorded were not asked again: the recorded events hold iteration
    // 1's 2 steps and 2 judgements, so the continued run sent the whole run's 16 requests but
    // those 4 (the 5th request's step was never recorded, so it is asked again).
    expect(whole.calls).toBe(16);
    expect(recorded.map((e) => e.type)).toEqual([
      'start',
      'select',
      'expand',
      'score',
      'score',
      'simulate',
      'backprop',
      'select',
    ]);
    expect(fake.calls.length - 6).toBe(16 - 4);
    // The fake model answers by seed and state, so the continued run decides as the whole
    // run did: same events, costs aside (cache reuse differs after the failure).
    expect(s.trace.all.map(decided)).toEqual(whole.events.map(decided));
    expect(() => reduce(s.trace.all)).not.toThrow();
  });

  it('a request that hangs trips the watchdog, and the run continues after it', async () => {
    watchdog.stallMs = 30;
    const fake = new FakeEngine({ script: (r) => game24Model(r), hangOnCall: 5 });
    loadFake(fake);
    setSettings(MODEL_RUN);
    await runToEnd();
    const recorded = get().trace.all.slice();
    expect(get().error).toMatch(
      /^The model stopped responding \(no token for 30 ms\) — after event \d+ \(select, iteration 2\)$/,
    );
    expect(fake.interrupts).toBeGreaterThanOrEqual(1);
    continueRun();
    await runToEnd();
    expect(get().error).toBeNull();
    expect(get().tree.done).not.toBeNull();
    expect(json(get().trace.all.slice(0, recorded.length))).toBe(json(recorded));
  });

  it('a model run stopped mid-request continues to a whole tree', async () => {
    const fake = new FakeEngine({ script: (r) => game24Model(r), hangOnCall: 5 });
    loadFake(fake);
    setSettings(MODEL_RUN);
    const running = runToEnd();
    await waitFor(() => fake.calls.length >= 5);
    stopRun();
    await running;
    const recorded = get().trace.all.slice();
    continueRun();
    await runToEnd();
    const s = get();
    expect(s.error).toBeNull();
    expect(s.complete).toBe(true);
    expect(s.tree.done).not.toBeNull();
    expect(json(s.trace.all.slice(0, recorded.length))).toBe(json(recorded));
    expect(s.tree.nodes.every((n) => n.text !== '')).toBe(true);
  });

  it('asks for the model to be loaded to continue, and continues once it is', async () => {
    const fake = new FakeEngine({ script: (r) => game24Model(r), throwOnCall: 3 });
    loadFake(fake);
    setSettings(MODEL_RUN);
    await runToEnd();
    const kept = get().trace.length;
    modelSession.set(null);
    continueRun();
    await runToEnd();
    expect(get().error).toBe(
      'No model is loaded: choose one in the Model panel, or use the simulated engine.',
    );
    expect(get().trace.length).toBe(kept);
    loadFake(fake);
    continueRun();
    await runToEnd();
    expect(get().error).toBeNull();
    expect(get().complete).toBe(true);
  });
});
