import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ForcingOptions } from './budgetForcing';
import { BudgetForcingError, checkForcingOptions, forceBudget } from './budgetForcing';
import {
  ANSWER_PREFIX,
  QWEN3_TEMPLATE,
  supportsBudgetForcing,
  thinkingTemplateFor,
} from './budgetForcingPrompt';
import type { FakeThinkerOptions, ThinkerScript } from './testing/fakeCompletions';
import { FakeThinker, thinkerTokenize } from './testing/fakeCompletions';

const PROMPT = { template: QWEN3_TEMPLATE, system: 'Be brief.', user: 'What is 6 * 7?' };

/**
 * A thinking model: after w "Wait"s it thinks `thoughts[w]` (the last one again when there
 * are fewer) and ends its thinking; asked for the answer, it writes `answer`.
 */
function thinker(thoughts: string[], answer: string): ThinkerScript {
  return (prompt) => {
    if (prompt.endsWith(ANSWER_PREFIX)) return answer;
    const waits = (prompt.match(/Wait/g) ?? []).length;
    const thought = thoughts[Math.min(waits, thoughts.length - 1)] ?? '';
    return `${thought}</think>\n\nThe answer is 5.`;
  };
}

function fake(script: ThinkerScript, extra: Omit<FakeThinkerOptions, 'script'> = {}): FakeThinker {
  return new FakeThinker({ script, ...extra });
}

function opts(extra: Partial<ForcingOptions>): ForcingOptions {
  return { mode: 'cap', thinkingTokens: 10, temperature: 0.7, seed: 1, ...extra };
}

const promptTokens = thinkerTokenize(QWEN3_TEMPLATE.prompt(PROMPT.system, PROMPT.user)).length;

afterEach(() => {
  vi.useRealTimers();
});

describe('the Qwen3 template', () => {
  it('writes ChatML turns and opens the thinking', () => {
    expect(QWEN3_TEMPLATE.prompt('S', 'U')).toBe(
      '<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n<think>\n',
    );
  });

  it('is found for Qwen3 ids only', () => {
    expect(thinkingTemplateFor('Qwen3-0.6B-q4f16_1-MLC')).toBe(QWEN3_TEMPLATE);
    expect(thinkingTemplateFor('qwen3-4b-custom')).toBe(QWEN3_TEMPLATE);
    expect(supportsBudgetForcing('Qwen2.5-0.5B-Instruct-q4f16_1-MLC')).toBe(false);
    expect(supportsBudgetForcing('SmolLM2-360M-Instruct-q4f32_1-MLC')).toBe(false);
    expect(supportsBudgetForcing('')).toBe(false);
  });
});

describe('cap', () => {
  it('stops the thinking at B tokens, forces its end and asks for the answer', async () => {
    // 24 tokens of thinking that never ends by itself: "a", " ", "b", " ", …
    const engine = fake((_, call) => (call === 1 ? 'a b c d e f g h i j k l' : ' 42'));
    const trace = await forceBudget(engine, PROMPT, opts({ thinkingTokens: 10 }));
    const [think, answer] = engine.calls;
    expect(think?.request.max_tokens).toBe(10);
    expect(think?.request.stop).toEqual(['</think>']);
    expect(think?.finishReason).toBe('length');
    expect(trace.thinking).toBe('a b c d e ');
    expect(trace.thinkingTokens).toBe(10);
    expect(trace.thinkingEnd).toBe('budget');
    expect(answer?.request.prompt.endsWith('a b c d e \n</think>\n\nFinal Answer:')).toBe(true);
    expect(answer?.request.stop).toBeUndefined();
    // The answer: " ", "4", "2" and the end-of-sequence token.
    expect(trace.answer).toBe(' 42');
    expect(trace.answerTokens).toBe(4);
    expect(trace.text).toBe('<think>\na b c d e \n</think>\n\nFinal Answer: 42');
    expect(trace.waits).toBe(0);
  });

  it('keeps the end the model chose before B (no Wait in cap)', async () => {
    const engine = fake(thinker(['x y'], ' 7'));
    const trace = await forceBudget(engine, PROMPT, opts({ thinkingTokens: 50 }));
    // "x", " ", "y", "</think>": the stop string is cut from the text but was generated.
    expect(trace.thinking).toBe('x y');
    expect(trace.thinkingTokens).toBe(4);
    expect(trace.thinkingEnd).toBe('model');
    expect(engine.calls).toHaveLength(2);
    expect(trace.text).toBe('<think>\nx y\n</think>\n\nFinal Answer: 7');
  });

  it('counts usage: generated = thinking + answer, prefilled = every prompt in full', async () => {
    const engine = fake((_, call) => (call === 1 ? 'a b c d e f g h i j k l' : ' 42'));
    const trace = await forceBudget(engine, PROMPT, opts({ thinkingTokens: 10 }));
    expect(trace.generated).toBe(14);
    expect(trace.requests).toBe(2);
    // The answer request prefills the prompt again, plus the 10 thinking tokens and
    // "\n", "</think>", "\n", "\n", "Final", " ", "Answer", ":" (8).
    expect(engine.calls[1]?.promptTokens).toBe(promptTokens + 18);
    expect(trace.prefilled).toBe(2 * promptTokens + 18);
    expect(trace.logProbCount).toBe(14);
    expect(trace.logProbSum).toBeCloseTo(-3.5);
  });
});

describe('extend', () => {
  it('replaces each early end of thinking with "Wait", up to maxWaits', async () => {
    const engine = fake(thinker(['x y', ' z', ' done'], ' 7'));
    const trace = await forceBudget(
      engine,
      PROMPT,
      opts({ mode: 'extend', thinkingTokens: 100, maxWaits: 2 }),
    );
    expect(trace.waits).toBe(2);
    expect(trace.text).toBe('<think>\nx y\nWait z\nWait done\n</think>\n\nFinal Answer: 7');
    expect(trace.text.match(/Wait/g)).toHaveLength(2);
    // 4 + 3 + 3 thinking tokens ("</think>" each time), then " ", "7" and the end.
    expect(trace.thinkingTokens).toBe(10);
    expect(trace.generated).toBe(13);
    expect(trace.thinkingEnd).toBe('model');
    expect(engine.calls.map((c) => c.request.max_tokens)).toEqual([100, 96, 93, 128]);
  });

  it('stops at the budget even with Waits left', async () => {
    const engine = fake(thinker(['a b', ' a b'], ' 1'));
    const trace = await forceBudget(engine, PROMPT, opts({ mode: 'extend', thinkingTokens: 12 }));
    // 4 tokens, Wait, 5 tokens, Wait, then the 3 tokens left: " ", "a", " ".
    expect(engine.calls.map((c) => c.request.max_tokens)).toEqual([12, 8, 3, 128]);
    expect(trace.thinkingTokens).toBe(12);
    expect(trace.waits).toBe(2);
    expect(trace.thinkingEnd).toBe('budget');
    expect(trace.thinking).toBe('a b\nWait a b\nWait a ');
  });

  it('with maxWaits 0 behaves as cap', async () => {
    const engine = fake(thinker(['x y'], ' 7'));
    const trace = await forceBudget(
      engine,
      PROMPT,
      opts({ mode: 'extend', thinkingTokens: 50, maxWaits: 0 }),
    );
    expect(trace.waits).toBe(0);
    expect(engine.calls).toHaveLength(2);
  });

  it('keeps thinking ≤ B, Waits ≤ maxWaits and counts exactly what the engine reported', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<'cap' | 'extend'>('cap', 'extend'),
        async (lengths, budget, maxWaits, mode) => {
          const thoughts = lengths.map((n) => ' q'.repeat(n));
          const engine = fake(thinker(thoughts, ' 3'));
          const o = opts({ mode, thinkingTokens: budget, maxWaits });
          const trace = await forceBudget(engine, PROMPT, o);
          const sum = (f: (c: (typeof engine.calls)[number]) => number): number =>
            engine.calls.reduce((s, c) => s + f(c), 0);
          expect(trace.thinkingTokens).toBeLessThanOrEqual(budget);
          expect(trace.waits).toBeLessThanOrEqual(mode === 'cap' ? 0 : maxWaits);
          expect(trace.text.match(/Wait/g)?.length ?? 0).toBe(trace.waits);
          expect(trace.generated).toBe(sum((c) => c.completionTokens));
          expect(trace.prefilled).toBe(sum((c) => c.promptTokens));
          expect(trace.generated).toBe(trace.thinkingTokens + trace.answerTokens);
          expect(trace.requests).toBe(engine.calls.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('failures', () => {
  it('a request that fails keeps the finished requests as the partial trace', async () => {
    const engine = fake(thinker(['x y', ' z'], ' 7'), {
      breakOnCall: { call: 2, afterTokens: 1 },
    });
    const run = forceBudget(engine, PROMPT, opts({ mode: 'extend', thinkingTokens: 40 }));
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetForcingError);
    const e = error as BudgetForcingError;
    expect(e.message).toBe(
      'The model failed while thinking: fake engine: the GPU device was lost on call 2',
    );
    expect(e.aborted).toBe(false);
    expect(e.partial.requests).toBe(1);
    expect(e.partial.generated).toBe(4);
    expect(e.partial.text).toBe('<think>\nx y\nWait');
  });

  it('a create that rejects fails with what the model was doing', async () => {
    const engine = fake(thinker(['x y'], ' 7'), { throwOnCall: 2 });
    const error = (await forceBudget(engine, PROMPT, opts({})).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      'The model failed while writing the answer: fake engine: scripted failure on call 2',
    );
    expect((error as BudgetForcingError).partial.thinkingEnd).toBe('model');
  });

  it('aborting interrupts the generation and rejects at once', async () => {
    const engine = fake(thinker(['x y', ' z'], ' 7'), { hangOnCall: 2 });
    const controller = new AbortController();
    const run = forceBudget(
      engine,
      PROMPT,
      opts({ mode: 'extend', thinkingTokens: 40, signal: controller.signal }),
    ).catch((e: unknown) => e);
    await vi.waitFor(() => expect(engine.calls).toHaveLength(2));
    controller.abort();
    const error = (await run) as BudgetForcingError;
    expect(error.aborted).toBe(true);
    expect(error.message).toBe('The run was stopped');
    expect(engine.interrupts).toBe(1);
    expect(error.partial.requests).toBe(1);
  });

  it('an engine that goes silent is given up by the watchdog', async () => {
    const engine = fake(thinker(['x y'], ' 7'), { hangOnCall: 1 });
    const error = (await forceBudget(engine, PROMPT, opts({ stallMs: 20 })).catch(
      (e: unknown) => e,
    )) as BudgetForcingError;
    expect(error.message).toBe('The model stopped responding (no token for 20 ms)');
    expect(error.aborted).toBe(false);
    expect(engine.interrupts).toBe(1);
  });

  it('a full context window ends the thinking; the answer then does not fit', async () => {
    const engine = fake(() => 'a b c d e f g h', { contextWindow: promptTokens + 5 });
    const error = (await forceBudget(engine, PROMPT, opts({ thinkingTokens: 40 })).catch(
      (e: unknown) => e,
    )) as BudgetForcingError;
    expect(engine.calls[0]?.finishReason).toBe('length');
    expect(error.partial.thinkingEnd).toBe('context');
    expect(error.partial.thinkingTokens).toBe(5);
    expect(error.message).toMatch(
      /^The model failed while writing the answer: Prompt tokens exceed context window size/,
    );
  });

  it('refuses unusable options before any request', async () => {
    expect(checkForcingOptions(opts({}))).toEqual([]);
    expect(checkForcingOptions(opts({ thinkingTokens: 0 }))).toHaveLength(1);
    expect(checkForcingOptions(opts({ thinkingTokens: 2.5 }))).toHaveLength(1);
    expect(checkForcingOptions(opts({ thinkingTokens: Number.NaN }))).toHaveLength(1);
    expect(checkForcingOptions(opts({ maxWaits: -1, temperature: 3, seed: 0.5 }))).toHaveLength(3);
    const engine = fake(thinker(['x'], ' 1'));
    await expect(forceBudget(engine, PROMPT, opts({ thinkingTokens: -4 }))).rejects.toThrow(
      RangeError,
    );
    expect(engine.calls).toHaveLength(0);
  });
});

describe('requests', () => {
  it('streams raw completions with usage, log-probabilities and integer seeds', async () => {
    const engine = fake(thinker(['x y'], ' 7'));
    const texts: string[] = [];
    const trace = await forceBudget(
      engine,
      PROMPT,
      opts({ seed: 9, onText: (t) => texts.push(t) }),
    );
    for (const { request } of engine.calls) {
      expect(request.stream).toBe(true);
      expect(request.stream_options).toEqual({ include_usage: true });
      expect(request.logprobs).toBe(true);
      expect(Number.isInteger(request.seed)).toBe(true);
      expect(request.prompt.startsWith('<|im_start|>system\nBe brief.<|im_end|>\n')).toBe(true);
    }
    expect(engine.calls[0]?.request.prompt.endsWith('<|im_start|>assistant\n<think>\n')).toBe(true);
    expect(engine.calls[0]?.request.seed).not.toBe(engine.calls[1]?.request.seed);
    expect(texts.at(-1)).toBe(trace.text);
  });

  it("sends top-p and the penalties with every request, so the model's own config never picks them (lib/index.js 13569-13599)", async () => {
    const neutral = fake(thinker(['x y'], ' 7'));
    await forceBudget(neutral, PROMPT, opts({}));
    const sampling = {
      topP: 0.8,
      repetitionPenalty: 1.2,
      presencePenalty: 0.5,
      frequencyPenalty: -1,
    };
    const chosen = fake(thinker(['x y'], ' 7'));
    await forceBudget(chosen, PROMPT, opts({ sampling }));
    for (const [engine, want] of [
      [neutral, { top_p: 1, repetition_penalty: 1, presence_penalty: 0, frequency_penalty: 0 }],
      [
        chosen,
        { top_p: 0.8, repetition_penalty: 1.2, presence_penalty: 0.5, frequency_penalty: -1 },
      ],
    ] as const) {
      expect(engine.calls).toHaveLength(2);
      for (const { request } of engine.calls) expect(request).toMatchObject(want);
    }
    expect(checkForcingOptions(opts({ sampling: { ...sampling, topP: 0 } }))).toEqual([
      'top-p must be above 0 and at most 1',
    ]);
  });
});
