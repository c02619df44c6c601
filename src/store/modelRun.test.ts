import { afterEach, describe, expect, it } from 'vitest';
import { createWebLlmEngine } from '../engines/webllm/adapter';
import type { MctsSettings } from '../core/search/settings';
import { modelSession } from '../engines/webllm/session';
import { FakeEngine } from '../engines/webllm/testing/fakeEngine';
import { game24Model } from '../engines/webllm/testing/game24Model';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS, DEFAULT_WEBLLM_ENGINE } from '../run/settings';
import { pause, play, runToEnd, setSettings, step, stopRun, useArbor } from './index';
import { waitFor } from './testing/waitFor';

/**
 * The store driving a live model run: the web-llm adapter over a fake engine (web-llm's own
 * types), as a user would with a loaded model. Stop and pause must leave a consistent tree.
 */

const get = useArbor.getState;

const MCTS: MctsSettings = {
  algorithm: 'mcts',
  rule: 'uct',
  c: 1.4,
  iterations: 4,
  maxDepth: 3,
  childrenPerExpansion: 2,
  valueMode: 'prm',
};

const MODEL_RUN: RunSettings = {
  ...DEFAULT_SETTINGS,
  problemId: 'g24-001',
  search: MCTS,
  engine: { ...DEFAULT_WEBLLM_ENGINE, modelId: 'Fake-Model' },
};

function loadFake(fake: FakeEngine): void {
  modelSession.set({
    createEngine: createWebLlmEngine,
    engine: fake,
    modelId: 'Fake-Model',
    unload: () => Promise.resolve(),
  });
}

afterEach(() => {
  stopRun();
  modelSession.set(null);
  modelSession.gate.resume();
  setSettings(DEFAULT_SETTINGS);
});

describe('a live model run in the store', () => {
  it('runs to the end, and the tree counts what the engine reported', async () => {
    const fake = new FakeEngine({ script: (r) => game24Model(r) });
    loadFake(fake);
    setSettings(MODEL_RUN);
    await runToEnd();
    const s = get();
    expect(s.error).toBeNull();
    expect(s.complete).toBe(true);
    expect(s.tree.done).not.toBeNull();
    // 4 iterations × 2 children, each child judged: 8 step requests and 8 judge requests.
    expect(fake.calls).toHaveLength(16);
    const prompt = fake.calls.reduce((sum, c) => sum + c.promptTokens, 0);
    const completion = fake.calls.reduce((sum, c) => sum + c.completionTokens, 0);
    expect(s.tree.compute.prefilled).toBe(prompt);
    expect(s.tree.compute.generated).toBe(completion);
  });

  it("samples steps with the run's top-p and penalties, the judge with none (issue 17)", async () => {
    const fake = new FakeEngine({ script: (r) => game24Model(r) });
    loadFake(fake);
    const engine = { ...MODEL_RUN.engine, topP: 0.8, repetitionPenalty: 1.2 };
    setSettings({ ...MODEL_RUN, engine });
    await runToEnd();
    const steps = fake.calls.filter((c) => c.request.stream);
    const judged = fake.calls.filter((c) => !c.request.stream);
    expect(steps.length).toBeGreaterThan(0);
    expect(judged.length).toBeGreaterThan(0);
    expect(
      new Set(steps.map((c) => `${c.sampling?.top_p} ${c.sampling?.repetition_penalty}`)),
    ).toEqual(new Set(['0.8 1.2']));
    expect(
      new Set(judged.map((c) => `${c.sampling?.top_p} ${c.sampling?.repetition_penalty}`)),
    ).toEqual(new Set(['1 1']));
    expect(get().settings.engine).toMatchObject({ topP: 0.8, repetitionPenalty: 1.2 });
  });

  it('refuses to start without a loaded model, with a message that says what to do', async () => {
    setSettings(MODEL_RUN);
    await step();
    expect(get().error).toMatch(/No model is loaded/);
    expect(get().eventCount).toBe(0);
  });

  it('Stop interrupts a request in flight and keeps every whole event so far', async () => {
    // The 5th request hangs after one token: iteration 1 made 4 (2 steps, 2 judgements), so it
    // is the second iteration's first step.
    const fake = new FakeEngine({ script: (r) => game24Model(r), hangOnCall: 5 });
    loadFake(fake);
    setSettings(MODEL_RUN);
    const running = runToEnd();
    await waitFor(() => fake.calls.length >= 5);
    const before = get().trace.length;
    stopRun();
    await running;
    const s = get();
    expect(s.stopped).toBe(true);
    expect(s.complete).toBe(true);
    expect(s.error).toBeNull();
    expect(s.busy).toBe(false);
    expect(s.trace.length).toBe(before);
    // The tree is whole: the trace ends on the second iteration's selection (its expansion was
    // the request in flight), and no node is half written.
    expect(s.trace.all.at(-1)).toMatchObject({ type: 'select', iteration: 2 });
    expect(s.tree.done).toBeNull();
    expect(s.tree.nodes.every((n) => n.text !== '')).toBe(true);
  });

  it('Pause interrupts the request and the next Step writes it again from the start', async () => {
    // call 2 writes the root's second child (call 3 would be a judge's one token, which
    // web-llm cannot stop and the adapter keeps: requests.test.ts)
    const fake = new FakeEngine({ script: (r) => game24Model(r), hangOnCall: 2 });
    loadFake(fake);
    setSettings(MODEL_RUN);
    play();
    await waitFor(() => fake.calls.length >= 2);
    pause();
    expect(modelSession.gate.paused).toBe(true);
    const events = get().trace.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(get().trace.length).toBe(events); // nothing moves while paused
    await step();
    await waitFor(() => get().trace.length > events);
    // The hung request was sent again after the pause, with the same messages and seed.
    const hung = fake.calls[1]?.request;
    expect(hung?.stream).toBe(true);
    expect(fake.calls[1]?.finishReason).toBe('abort');
    const again = fake.calls.find((c, i) => i > 1 && c.request.seed === hung?.seed);
    expect(again?.request.messages).toEqual(hung?.messages);
    expect(get().error).toBeNull();
  });
});
