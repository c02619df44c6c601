import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { game24Task } from '../../core/tasks/game24';
import { wordProblemTask } from '../../core/tasks/wordProblems';
import { createWebLlmEngine } from './adapter';
import { GAME24_PROMPTS, pathConversation } from './conversation';
import { PauseGate } from './gate';
import type { FakeToken } from './testing/fakeEngine';
import { FakeEngine } from './testing/fakeEngine';
import {
  g24ctx,
  game24,
  OPTIONS,
  puzzle,
  S1,
  S2,
  S2B,
  S3,
  wp,
  wpctx,
} from './testing/proposerFixtures';

describe('propose', () => {
  it('sends one streaming request per step, stopped at the delimiter', async () => {
    const { fake, proposer } = game24(() => `${S1}\n\n${S2}\n\n`);
    const { steps, cost } = await proposer.propose(g24ctx(), 1);
    expect(steps.map((s) => s.text)).toEqual([S1]);
    const request = fake.calls[0]?.request;
    expect(request).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      stop: ['\n\n'],
      max_tokens: 40,
      temperature: 0.7,
      logprobs: true,
      top_logprobs: 1,
    });
    expect(request?.messages).toEqual(pathConversation(GAME24_PROMPTS, puzzle, [], '\n\n'));
    // "8 / 4 = 2 (left: 6 8 2)" is 20 fake tokens, then "\n", "\n": 22 tokens sampled
    expect(fake.calls[0]?.completionTokens).toBe(22);
    expect(steps[0]).toEqual({ text: S1, tokens: 22, logProb: -0.5 * 22 });
    expect(cost).toEqual({
      generated: 22,
      prefilled: fake.calls[0]?.promptTokens,
      proposerCalls: 1,
      judgeCalls: 0,
    });
  });

  it('turns thinking off only when told to (Qwen3), on steps and judge requests alike', async () => {
    const plain = game24(() => S1);
    await plain.proposer.propose(g24ctx(), 1);
    expect(plain.fake.calls[0]?.request).not.toHaveProperty('extra_body');
    const qwen3 = game24(() => S1, { thinking: false });
    await qwen3.proposer.propose(g24ctx(), 1);
    await qwen3.judge.score({
      problem: puzzle,
      parentState: game24Task.initial(puzzle),
      state: g24ctx([S1]).state,
      steps: [S1],
      rng: createRng(1),
    });
    expect(qwen3.fake.calls.map((c) => c.request.extra_body)).toEqual([
      { enable_thinking: false },
      { enable_thinking: false },
    ]);
  });

  it('drops duplicates and empty replies, within 2n requests', async () => {
    const replies = [S1, S1, '\n\n', S2, S1, S3];
    const { fake, proposer } = game24((_, call) => replies[call - 1] ?? 'unused');
    const { steps, cost } = await proposer.propose(g24ctx(), 3);
    expect(steps.map((s) => s.text)).toEqual([S1, S2, S3]);
    expect(fake.calls).toHaveLength(6);
    expect(cost.proposerCalls).toBe(6);
    const always = game24(() => S1);
    const one = await always.proposer.propose(g24ctx(), 3);
    expect(one.steps.map((s) => s.text)).toEqual([S1]);
    expect(always.fake.calls).toHaveLength(6);
  });

  it('derives seeds from the path and sample index, not from the order of requests', async () => {
    const seeds = async (order: string[][]) => {
      const { fake, proposer } = game24(() => S1);
      for (const steps of order) await proposer.propose(g24ctx(steps), 1);
      return new Map(fake.calls.map((c) => [JSON.stringify(c.request.messages), c.request.seed]));
    };
    const ab = await seeds([[], [S1]]);
    const ba = await seeds([[S1], []]);
    expect(ab).toEqual(ba);
    expect(new Set(ab.values()).size).toBe(2);
    // a second call for the same node draws new samples
    const { fake, proposer } = game24(() => S1);
    await proposer.propose(g24ctx(), 1);
    await proposer.propose(g24ctx(), 1);
    expect(fake.calls[0]?.request.seed).not.toBe(fake.calls[2]?.request.seed);
  });

  it('streams the step being written to onDraft, then null', async () => {
    const drafts: ({ parentSteps: readonly string[]; text: string } | null)[] = [];
    const { proposer } = game24(() => `${S2}\n\n`, {}, { onDraft: (d) => drafts.push(d) });
    await proposer.propose(g24ctx([S1]), 1);
    expect(drafts.at(-1)).toBeNull();
    const texts = drafts.slice(0, -1).map((d) => d?.text);
    expect(texts[0]).toBe('6');
    expect(texts).toContain('6 + 8');
    expect(texts.at(-1)).toBe(`${S2}\n`);
    expect(drafts.every((d) => d === null || d.parentSteps.join() === S1)).toBe(true);
  });

  it('keeps an endless step cut at the token limit, and the cache holds no path after it', async () => {
    const { fake, proposer, cache } = game24(() => '1 + '.repeat(500), { maxStepTokens: 8 });
    const { steps } = await proposer.propose(g24ctx(), 1);
    expect(fake.calls[0]?.finishReason).toBe('length');
    // 8 tokens "1"," ","+"," ","1"," ","+"," ", trimmed
    expect(steps[0]?.text).toBe('1 + 1 +');
    expect(steps[0]?.tokens).toBe(8);
    expect(
      game24Task.applyStep(game24Task.initial(puzzle), steps[0]?.text ?? '', puzzle).valid,
    ).toBe(false);
    expect(cache.heldSteps()).toBeNull();
  });

  it('keeps model text full of HTML as plain text', async () => {
    const html =
      '<b>7 * 6 = 42</b> muffins <img src=x onerror="alert(1)"> &amp; <script>x()</script>';
    const engine = new FakeEngine({ script: () => `${html}\n\nmore` });
    const options = { ...OPTIONS, maxStepTokens: 200 };
    const { proposer } = createWebLlmEngine(engine, 'word-problems', options, {}, new PauseGate());
    const { steps } = await proposer.propose(wpctx(), 1);
    expect(engine.calls[0]?.finishReason).toBe('stop');
    expect(steps[0]?.text).toBe(html);
    expect(wordProblemTask.applyStep({ steps: [] }, html, wp).valid).toBe(true);
  });
});

describe('log-probabilities', () => {
  it('a step without log-probabilities is an error, not a made-up prior', async () => {
    const { fake, proposer } = game24(() => `${S1}\n\n`);
    const real = fake.chatCompletion.bind(fake);
    // as web-llm answers a request with top_logprobs 0: logprobs.content is empty
    fake.chatCompletion = (r) => real({ ...r, top_logprobs: 0 });
    await expect(proposer.propose(g24ctx(), 1)).rejects.toThrow(
      'The model returned no log-probabilities for a step.',
    );
  });
});

describe('a character split across tokens (web-llm skips that chunk and its entry, lib/index.js 18387-18399)', () => {
  it('keeps the step whole and its prior the mean over the entries that arrived', async () => {
    // "€" (E2 82 AC) as two tokens: the chunk of the first carries no text and no entry
    const tokens: FakeToken[] = ['5', ' ', [0xe2, 0x82], [0xac], ' ', 'left'];
    const { fake, proposer } = game24(() => ({ text: '5 € left', tokens, tokenLogprob: -0.4 }));
    const { steps } = await proposer.propose(g24ctx(), 1);
    expect(steps[0]?.text).toBe('5 € left');
    // 6 tokens and the end-of-sequence token; 6 entries streamed of 7
    expect(fake.calls[0]?.completionTokens).toBe(7);
    expect(steps[0]?.tokens).toBe(7);
    expect(steps[0]?.logProb).toBeCloseTo(-0.4 * 7);
  });
});

describe('the cache tracker follows the engine', () => {
  it('holds path + [step] after a step, so the child request extends the cache', async () => {
    const replies = [S1, S2, S2B];
    const { fake, proposer, cache } = game24((_, call) => `${replies[call - 1] ?? ''}\n\n`);
    await proposer.propose(g24ctx(), 1);
    expect(cache.heldSteps()).toEqual([S1]);
    // the fake (its own cache rule) holds exactly the conversation of that path
    expect(fake.heldMessages()).toEqual(pathConversation(GAME24_PROMPTS, puzzle, [S1], '\n\n'));
    await proposer.propose(g24ctx([S1]), 1);
    expect(fake.calls[1]?.reused).toBe(true);
    expect(cache.heldSteps()).toEqual([S1, S2]);
    // a sibling of S2 does not extend it: the fake re-prefills everything
    await proposer.propose(g24ctx([S1]), 1);
    expect(fake.calls[2]?.reused).toBe(false);
    expect(cache.heldSteps()).toEqual([S1, S2B]);
  });

  it('prefilled tokens are what the engine reported, request by request', async () => {
    const replies = [S1, S2, S2B, '2 * 48 = 96 (left: 96)'];
    const { fake, proposer } = game24((_, call) => `${replies[call - 1] ?? ''}\n\n`);
    const costs = [
      (await proposer.propose(g24ctx(), 1)).cost,
      (await proposer.propose(g24ctx([S1]), 1)).cost,
      (await proposer.propose(g24ctx([S1]), 1)).cost,
      (await proposer.propose(g24ctx([S1, S2B]), 1)).cost,
    ];
    expect(costs.map((c) => c.prefilled)).toEqual(fake.calls.map((c) => c.promptTokens));
    expect(costs.map((c) => c.generated)).toEqual(fake.calls.map((c) => c.completionTokens));
    expect(fake.calls.map((c) => c.reused)).toEqual([false, true, false, true]);
    // reused: only "Write the next step." is prefilled: Write, the, next, step, "." + 3 overhead
    expect(costs[1]?.prefilled).toBe(8);
    expect(costs[3]?.prefilled).toBe(8);
  });
});
