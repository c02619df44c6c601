import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { MctsSettings } from '../../core/search';
import { runSearch, streamEvents } from '../../core/search';
import type { Game24Problem } from '../../core/tasks/game24';
import { game24Task, getPuzzle } from '../../core/tasks/game24';
import type { SimulateEvent, TraceEvent } from '../../core/tree/events';
import { reduce } from '../../core/tree/reduce';
import { createWebLlmEngine } from './adapter';
import { GAME24_PROMPTS, stepRequest } from './conversation';
import { PauseGate } from './gate';
import { FakeEngine } from './testing/fakeEngine';
import { game24Model } from './testing/game24Model';

const puzzle = getPuzzle('g24-001') as Game24Problem; // 4 6 8 8

const settings: MctsSettings = {
  algorithm: 'mcts',
  rule: 'puct',
  c: 1.5,
  iterations: 6,
  maxDepth: 3,
  childrenPerExpansion: 2,
  valueMode: 'prm',
};

/** The web-llm engine (self-judge) over a fake engine that plays g24-001 legally. */
function overFake() {
  const fake = new FakeEngine({ script: (r) => game24Model(r) });
  const engine = createWebLlmEngine(
    fake,
    'game24',
    { judge: 'self', rolloutK: 2, temperature: 0.8, maxStepTokens: 40, delimiter: '\n\n', seed: 9 },
    {},
    new PauseGate(),
  );
  return { fake, engine };
}

describe('a whole MCTS run with the web-llm engine over the fake', () => {
  it('builds a consistent tree whose compute is what the engine reported', async () => {
    const { fake, engine } = overFake();
    const ctx = { task: game24Task, problem: puzzle, ...engine, rng: createRng(4) };
    const events: TraceEvent[] = [];
    for await (const e of streamEvents(runSearch(ctx, settings))) events.push(e);

    const count = (type: TraceEvent['type']) => events.filter((e) => e.type === type).length;
    expect(count('start')).toBe(1);
    expect(count('select')).toBe(6);
    expect(count('expand')).toBe(6);
    expect(count('backprop')).toBe(6);
    expect(count('done')).toBe(1);

    const children = events.flatMap((e) => (e.type === 'expand' ? e.children : []));
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c) => c.valid)).toBe(true);
    // every new child was judged (PRM mode), with the self-judge's evidence
    const scores = events.filter((e) => e.type === 'score');
    expect(scores).toHaveLength(children.length);
    expect(scores.every((s) => s.type === 'score' && s.evidence.judge === 'self')).toBe(true);
    expect(
      scores.every(
        (s) =>
          s.type === 'score' && (Math.abs(s.score - 0.9) < 1e-9 || Math.abs(s.score - 0.1) < 1e-9),
      ),
    ).toBe(true);

    const tree = reduce(events);
    expect(tree.nodes).toHaveLength(1 + children.length);
    // one judge request per child; the rest are step requests (duplicates retried)
    const judgeCalls = fake.calls.filter((c) => c.request.max_tokens === 1);
    expect(judgeCalls).toHaveLength(children.length);
    expect(fake.calls.length - judgeCalls.length).toBeGreaterThanOrEqual(children.length);
    // the tree's compute is exactly what the engine reported, request by request
    expect(tree.compute.prefilled).toBe(fake.calls.reduce((s, c) => s + c.promptTokens, 0));
    expect(tree.compute.generated).toBe(fake.calls.reduce((s, c) => s + c.completionTokens, 0));
    expect(tree.compute.judgeCalls).toBe(children.length);
    // judging a child right after writing it extended the KV cache at least once
    expect(fake.calls.some((c) => c.reused)).toBe(true);
  });

  it('with rollout value: each rollout writes its steps one request at a time, extending the cache', async () => {
    const { fake, engine } = overFake();
    const ctx = { task: game24Task, problem: puzzle, ...engine, rng: createRng(4) };
    const events: TraceEvent[] = [];
    const search = { ...settings, valueMode: 'rollout' as const, maxDepth: 4 };
    for await (const e of streamEvents(runSearch(ctx, search))) events.push(e);
    const tree = reduce(events);

    const rollouts = events.filter(
      (e): e is SimulateEvent => e.type === 'simulate' && e.mode === 'rollout',
    );
    // some start at the root's children, so have more than one step to write
    expect(rollouts.some((r) => r.steps.length > 1)).toBe(true);
    // no judge in rollout-value mode: every request is a step request
    expect(fake.calls.every((c) => c.request.max_tokens === 40)).toBe(true);
    const pathTo = (id: number): string[] => {
      const node = tree.nodes[id];
      return node?.parent == null ? [] : [...pathTo(node.parent), node.text];
    };
    let next = 0;
    for (const sim of rollouts) {
      const from = pathTo(sim.from);
      // legal steps only, so every rollout plays on until one number is left
      const left = 4 - from.length;
      expect(sim.steps).toHaveLength(left - 1);
      // its answer is where its steps, played from the node, end
      let state = game24Task.initial(puzzle);
      for (const step of [...from, ...sim.steps]) {
        const check = game24Task.applyStep(state, step, puzzle);
        if (!check.valid) throw new Error(check.reason);
        state = check.state;
      }
      expect(sim.answer).toBe(game24Task.outcome(state, puzzle)?.answer);
      // its requests are consecutive: step j asks below the path and the j steps before it
      const first = fake.calls.findIndex(
        (c, i) =>
          i >= next &&
          JSON.stringify(c.request.messages) ===
            JSON.stringify(stepRequest(GAME24_PROMPTS, puzzle, from, '\n\n')),
      );
      expect(first).toBeGreaterThanOrEqual(0);
      const calls = fake.calls.slice(first, first + sim.steps.length);
      calls.forEach((c, j) => {
        const path = [...from, ...sim.steps.slice(0, j)];
        expect(c.request.messages).toEqual(stepRequest(GAME24_PROMPTS, puzzle, path, '\n\n'));
        expect(c.output).toBe(sim.steps[j]);
        // after the first, each extends the conversation the step before it left
        if (j > 0) expect(c.reused).toBe(true);
      });
      // the simulate event's cost is exactly those requests
      expect(sim.cost.prefilled).toBe(calls.reduce((s, c) => s + c.promptTokens, 0));
      expect(sim.cost.generated).toBe(calls.reduce((s, c) => s + c.completionTokens, 0));
      expect(sim.cost.proposerCalls).toBe(sim.steps.length);
      // the reward is the answer's: 1 for 24, else 0
      expect(sim.reward).toBe(sim.answer === '24' ? 1 : 0);
      next = first + sim.steps.length;
    }
    expect(tree.compute.prefilled).toBe(fake.calls.reduce((s, c) => s + c.promptTokens, 0));
    expect(tree.compute.generated).toBe(fake.calls.reduce((s, c) => s + c.completionTokens, 0));
  });

  it('on Qwen3 with thinking off: real steps, the block out of the tree, and the cache still reused', async () => {
    const fake = new FakeEngine({ script: (r) => game24Model(r) });
    const options = { judge: 'self' as const, rolloutK: 2, temperature: 0.8, maxStepTokens: 40 };
    const engine = createWebLlmEngine(
      fake,
      'game24',
      { ...options, delimiter: '\n\n', seed: 9, thinking: false },
      {},
      new PauseGate(),
    );
    const ctx = { task: game24Task, problem: puzzle, ...engine, rng: createRng(4) };
    const events: TraceEvent[] = [];
    for await (const e of streamEvents(runSearch(ctx, settings))) events.push(e);
    const children = events.flatMap((e) => (e.type === 'expand' ? e.children : []));
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c) => c.valid && !c.text.includes('<think>'))).toBe(true);
    expect(fake.calls.every((c) => c.request.extra_body?.enable_thinking === false)).toBe(true);
    expect(fake.calls.some((c) => c.reused)).toBe(true);
    const tree = reduce(events);
    expect(tree.compute.prefilled).toBe(fake.calls.reduce((s, c) => s + c.promptTokens, 0));
    expect(tree.compute.generated).toBe(fake.calls.reduce((s, c) => s + c.completionTokens, 0));
  });
});
