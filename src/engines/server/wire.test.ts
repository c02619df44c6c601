import { describe, expect, it } from 'vitest';
import { GAME24_PROMPTS } from '../webllm/conversation';
import { getPuzzle } from '../../core/tasks/game24';
import { FAMILIES } from './families';
import { selfJudgeRequest } from './judges';
import { layoutFor } from './prompts';
import type { GenerationRequest } from './wire';
import { ReplyBuilder, readLogprobs, readUsage, requestBody } from './wire';

const step: GenerationRequest = {
  route: 'completions',
  prompt: 'P',
  maxTokens: 96,
  temperature: 0.7,
  seed: 5,
  topLogprobs: 1,
  stop: ['\n\n'],
  n: 3,
  stream: true,
};
const puzzle = getPuzzle('g24-001');
if (!puzzle) throw new Error('no g24-001');

describe('request bodies, by hand per family', () => {
  it('vLLM: a raw completions step with n, logprobs as an int, usage asked for', () => {
    expect(requestBody(FAMILIES.vllm, 'm', step)).toEqual({
      model: 'm',
      prompt: 'P',
      max_tokens: 96,
      logprobs: 1,
      temperature: 0.7,
      seed: 5,
      stop: ['\n\n'],
      n: 3,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('vLLM self-judge: chat-free raw prompt, one token, top 5, greedy (its logprobs come before temperature)', () => {
    const layout = layoutFor('chatml', GAME24_PROMPTS, '\n\n');
    const req = selfJudgeRequest(layout, FAMILIES.vllm, puzzle, ['4 + 8 = 12 (left: 6 12 13)'], 1);
    const body = requestBody(FAMILIES.vllm, 'm', req);
    expect(body).toMatchObject({ max_tokens: 1, logprobs: 5, temperature: 0, stream: false });
    expect(body.prompt).toMatch(
      /<\|im_start\|>user\nIs the last step correct\? Answer Yes or No\.<\|im_end\|>\n<\|im_start\|>assistant\n$/,
    );
    expect(body).not.toHaveProperty('n');
    expect(body).not.toHaveProperty('stream_options');
  });

  it('the self-judge samples at temperature 1 wherever logprobs follow the sampler', () => {
    const layout = layoutFor('chat', GAME24_PROMPTS, '\n\n');
    for (const family of ['sglang', 'llamacpp', 'ollama', 'openai'] as const) {
      const req = selfJudgeRequest(
        layout,
        FAMILIES[family],
        puzzle,
        ['4 + 8 = 12 (left: 6 12 13)'],
        1,
      );
      expect(requestBody(FAMILIES[family], 'm', req)).toMatchObject({
        temperature: 1,
        logprobs: true,
        top_logprobs: 5,
        max_tokens: 1,
      });
    }
  });

  it('vLLM chat uses max_completion_tokens (max_tokens is deprecated there); the others max_tokens', () => {
    const rest: Omit<GenerationRequest, 'prompt'> = { ...step };
    delete (rest as Partial<GenerationRequest>).prompt;
    const chat: GenerationRequest = {
      ...rest,
      route: 'chat',
      messages: [{ role: 'user', content: 'q' }],
      n: 1,
    };
    expect(requestBody(FAMILIES.vllm, 'm', chat)).toMatchObject({
      max_completion_tokens: 96,
      logprobs: true,
      top_logprobs: 1,
    });
    expect(requestBody(FAMILIES.vllm, 'm', chat)).not.toHaveProperty('max_tokens');
    expect(requestBody(FAMILIES.ollama, 'm', chat)).toMatchObject({
      max_tokens: 96,
      messages: [{ role: 'user', content: 'q' }],
    });
  });

  it("SGLang's max_tokens > 0 and vLLM's 0 (prompt scoring) are each kept", () => {
    expect(requestBody(FAMILIES.sglang, 'm', { ...step, maxTokens: 0 }).max_tokens).toBe(1);
    expect(requestBody(FAMILIES.vllm, 'm', { ...step, maxTokens: 0 }).max_tokens).toBe(0);
  });

  it('a family without n is never sent one; top_logprobs is capped at what the family returns', () => {
    expect(() => requestBody(FAMILIES.ollama, 'm', step)).toThrow(/one choice per request/);
    expect(() => requestBody(FAMILIES.llamacpp, 'm', step)).toThrow(RangeError);
    expect(requestBody(FAMILIES.openai, 'm', { ...step, n: 1, topLogprobs: 20 }).logprobs).toBe(5);
  });
});

describe('logprob shapes of each family', () => {
  it('vLLM / SGLang completions: OpenAI arrays with top_logprobs dicts', () => {
    const lp = readLogprobs({
      tokens: [' Yes', '.'],
      token_logprobs: [-0.1, -2],
      top_logprobs: [{ ' Yes': -0.1, ' No': -2.4 }, { '.': -2 }],
      text_offset: [0, 4],
    });
    expect(lp.sampled).toEqual([-0.1, -2]);
    expect(lp.tops[0]).toEqual([
      { token: ' Yes', logprob: -0.1 },
      { token: ' No', logprob: -2.4 },
    ]);
  });

  it('llama.cpp completions and every chat route: content entries (ids and bytes ignored)', () => {
    const lp = readLogprobs({
      content: [
        {
          id: 21806,
          token: ' Hel',
          bytes: [32, 72, 101, 108],
          logprob: -0.01,
          top_logprobs: [{ id: 21806, token: ' Hel', bytes: [], logprob: -0.01 }],
        },
      ],
    });
    expect(lp).toEqual({ sampled: [-0.01], tops: [[{ token: ' Hel', logprob: -0.01 }]] });
  });

  it('Ollama: content entries without bytes; a null logprob (first token of vLLM echo) reads as −∞', () => {
    expect(
      readLogprobs({ content: [{ token: 'No', logprob: -0.5, top_logprobs: [] }] }).sampled,
    ).toEqual([-0.5]);
    expect(
      readLogprobs({ tokens: ['a'], token_logprobs: [null], top_logprobs: [null] }).sampled,
    ).toEqual([-Infinity]);
    expect(readLogprobs(null)).toEqual({ sampled: [], tops: [] });
  });

  it('cached prefill: usage.prompt_tokens_details, llama.cpp timings.cache_n, else not reported', () => {
    expect(
      readUsage(
        { prompt_tokens: 40, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 32 } },
        undefined,
      ),
    ).toEqual({ prompt: 40, completion: 3, cached: 32 });
    expect(
      readUsage({ prompt_tokens: 40, completion_tokens: 3 }, { cache_n: 30, prompt_n: 10 }),
    ).toEqual({ prompt: 40, completion: 3, cached: 30 });
    // SGLang without --enable-cache-report, and Ollama: nothing said, so null (never 0).
    expect(readUsage({ prompt_tokens: 40, completion_tokens: 3 }, undefined).cached).toBeNull();
  });

  it('choices come back by their index, text and logprobs joined across stream chunks', () => {
    const b = new ReplyBuilder();
    b.add({
      choices: [
        {
          index: 1,
          text: 'b',
          logprobs: { tokens: ['b'], token_logprobs: [-1], top_logprobs: [{ b: -1 }] },
        },
      ],
    });
    b.add({
      choices: [
        {
          index: 0,
          delta: { content: 'a' },
          logprobs: { content: [{ token: 'a', logprob: -0.5, top_logprobs: [] }] },
        },
      ],
    });
    b.add({
      choices: [
        { index: 0, delta: {}, finish_reason: 'stop' },
        { index: 1, text: '', finish_reason: 'length' },
      ],
    });
    b.add({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 2 } });
    const r = b.result();
    expect(r.choices.map((c) => [c.text, c.finish, c.logprobs])).toEqual([
      ['a', 'stop', [-0.5]],
      ['b', 'length', [-1]],
    ]);
    expect(r.usage).toEqual({ prompt: 7, completion: 2, cached: null });
    expect(b.finished()).toBe(true);
  });
});
