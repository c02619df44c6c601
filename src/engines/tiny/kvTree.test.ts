/**
 * The prefix-tree KV cache on the shipped model: a line continued from a cached prefix gives
 * the logits and SPRM score a full recompute gives (largest difference below 1e-4; measured
 * differences are ~1e-6, float32 sums in another order), prefills only the new step, and
 * stays within its byte budget by evicting the least recently used entries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TinyModel } from './engine';
import { cursorBytes, KvTreeCache } from './kvTree';
import { loadNodeTinyModel } from './testing/nodeModel';
import { tinyTokenizer } from './tokenizer';

let model: TinyModel;
beforeAll(async () => {
  model = await loadNodeTinyModel();
});

const PUZZLE = [4, 6, 8, 8];
const LINE = ['8 - 4 = 4 (left: 6 8 4)', '6 * 4 = 24 (left: 8 24)'];

function worst(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return w;
}

describe('the prefix-tree KV cache', () => {
  it('continues a cached prefix to the logits of a full recompute, prefilling only the step', async () => {
    const tokenizer = tinyTokenizer(model.manifest);
    const cache = new KvTreeCache(model.forward, model.manifest, tokenizer, 1 << 26);
    const first = await cache.cursor(PUZZLE, LINE.slice(0, 1));
    const prompt = tokenizer.prompt(PUZZLE).length;
    const step1 = tokenizer.encode(`${LINE[0] ?? ''}\n`).length;
    const step2 = tokenizer.encode(`${LINE[1] ?? ''}\n`).length;
    expect(first.prefilled).toBe(prompt + step1);
    const second = await cache.cursor(PUZZLE, LINE);
    expect(second.prefilled).toBe(step2);
    // The same line in one pass, no cache.
    const ids = [...tokenizer.prompt(PUZZLE), ...tokenizer.encode(`${LINE.join('\n')}\n`)];
    const whole = await model.forward(ids, null);
    const vocab = model.manifest.vocab.length;
    expect(worst(second.cursor.logits, whole.logits.slice((ids.length - 1) * vocab))).toBeLessThan(
      1e-4,
    );
    expect(Math.abs((second.sprm ?? -1) - (whole.sprm[ids.length - 1] ?? 0))).toBeLessThan(1e-4);
    expect(second.cursor.kv.length).toBe(ids.length);
  });

  it('evicts least recently used entries to stay within its budget, and recomputes them alike', async () => {
    const tokenizer = tinyTokenizer(model.manifest);
    const big = new KvTreeCache(model.forward, model.manifest, tokenizer, 1 << 26);
    const one = await big.cursor(PUZZLE, LINE.slice(0, 1));
    const full = await big.cursor(PUZZLE, LINE);
    // Room for the entries after step 1 and step 2, not for the prompt's as well.
    const budget = cursorBytes(one.cursor) + cursorBytes(full.cursor);
    const small = new KvTreeCache(model.forward, model.manifest, tokenizer, budget);
    await small.cursor(PUZZLE, LINE); // prompt, step 1, step 2: three entries, one evicted
    expect(small.bytes).toBeLessThanOrEqual(budget);
    expect(small.evictions).toBeGreaterThanOrEqual(1);
    expect(small.has(PUZZLE, [])).toBe(false); // the prompt was used least recently
    expect(small.has(PUZZLE, LINE)).toBe(true);
    await small.cursor([1, 2, 3, 4], []); // another puzzle pushes out more
    expect(small.bytes).toBeLessThanOrEqual(budget);
    const again = await small.cursor(PUZZLE, LINE.slice(0, 1));
    const fresh = await big.cursor(PUZZLE, LINE.slice(0, 1));
    expect(worst(again.cursor.logits, fresh.cursor.logits)).toBeLessThan(1e-4);
  });

  it('refuses a budget it cannot keep one entry in by holding nothing', async () => {
    const tokenizer = tinyTokenizer(model.manifest);
    const none = new KvTreeCache(model.forward, model.manifest, tokenizer, 0);
    const at = await none.cursor(PUZZLE, LINE);
    expect(at.cursor.kv.length).toBeGreaterThan(0);
    expect(none.size).toBe(0);
    expect(none.bytes).toBe(0);
  });
});
