/**
 * A whole MCTS run with the shipped tiny model (onnxruntime-node): the steps in the tree are
 * the model's, judged by its SPRM head; the run's events are the same with a roomy KV cache
 * and with one that must evict all the time, but for the prefill it counts and float noise
 * below 1e-4 (the per-path seeds make replies independent of the cache), they pass the run file's schema, and they reduce to the same tree again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { MctsSettings } from '../../core/search/settings';
import { runSearch, streamEvents } from '../../core/search';
import { game24Task, getPuzzle } from '../../core/tasks/game24';
import type { TraceEvent } from '../../core/tree/events';
import { reduce } from '../../core/tree/reduce';
import { traceEventSchema } from '../../run/schema';
import type { TinyModel } from './engine';
import { createTinyEngine } from './engine';
import { tinyKit } from './kit';
import { DEFAULT_TINY_ENGINE } from './settings';
import { loadNodeTinyModel } from './testing/nodeModel';

let model: TinyModel;
beforeAll(async () => {
  model = await loadNodeTinyModel();
});

const MCTS: MctsSettings = {
  algorithm: 'mcts',
  rule: 'puct',
  c: 1.4,
  iterations: 30,
  maxDepth: 4,
  childrenPerExpansion: 3,
  valueMode: 'prm',
};

async function run(budget: number): Promise<{ events: TraceEvent[]; evictions: number }> {
  const parts = createTinyEngine(model, DEFAULT_TINY_ENGINE, { seed: 5 }, tinyKit, budget);
  const problem = getPuzzle('g24-001');
  if (!problem) throw new Error('no puzzle g24-001');
  const events: TraceEvent[] = [];
  const ctx = { task: game24Task, problem, ...parts, rng: createRng(5) };
  for await (const e of streamEvents(runSearch(ctx, MCTS))) events.push(e);
  return { events, evictions: parts.cache.evictions };
}

/**
 * The events without their prefill counts and with numbers to 4 decimals: a prefix read
 * again after eviction is computed in another order, and its logits differ by ~1e-5.
 */
const withoutPrefill = (events: TraceEvent[]): string =>
  JSON.stringify(events, (key, value: unknown) =>
    key === 'prefilled'
      ? undefined
      : typeof value === 'number' && !Number.isInteger(value)
        ? Number(value.toFixed(4))
        : value,
  );
const prefilled = (events: TraceEvent[]): number =>
  events.reduce((sum, e) => sum + ('cost' in e ? e.cost.prefilled : 0), 0);

describe('an MCTS run with the tiny model', () => {
  it('writes model steps scored by its SPRM head, the same with any cache budget', async () => {
    const roomy = await run(1 << 26);
    const tight = await run(200_000);
    expect(tight.evictions).toBeGreaterThan(0);
    expect(roomy.evictions).toBe(0);
    // Only the prefill differs: the tight cache reads evicted prefixes again.
    expect(withoutPrefill(tight.events)).toBe(withoutPrefill(roomy.events));
    expect(prefilled(tight.events)).toBeGreaterThan(prefilled(roomy.events));
    const { events } = roomy;
    expect(events.at(-1)?.type).toBe('done');
    for (const e of events) traceEventSchema.parse(e);
    const children = events.flatMap((e) => (e.type === 'expand' ? e.children : []));
    expect(children.length).toBeGreaterThanOrEqual(6);
    // Steps in the model's own format, with real log-probabilities.
    for (const c of children) {
      expect(c.text).toMatch(/^-?\d+(\/\d+)? [-+*/] -?\d+(\/\d+)? = /);
      expect(c.logProb).toBeLessThan(0);
    }
    const scores = events.flatMap((e) => (e.type === 'score' ? [e] : []));
    // Every child written is judged once, by the head.
    expect(scores.length).toBe(children.length);
    for (const s of scores) {
      expect(s.evidence).toEqual({ judge: 'sprm', model: model.manifest.name });
      expect(s.score > 0 && s.score < 1).toBe(true);
    }
    const tree = reduce(events);
    expect(tree.nodes.length).toBe(children.length + 1);
    expect(JSON.stringify(reduce(JSON.parse(JSON.stringify(events)) as TraceEvent[]))).toBe(
      JSON.stringify(tree),
    );
  }, 120_000);
});
