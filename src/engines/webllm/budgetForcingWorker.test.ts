/**
 * Budget forcing through web-llm's own worker protocol: the real `WebWorkerMLCEngine` (the
 * page side, what `loadModel` returns) talks to the real `WebWorkerMLCEngineHandler` (the
 * worker side) over a structured-clone message channel; only the engine inside the handler
 * is the fake, since no model can run here. This checks that `completions.create` with a
 * stream, `stream_options`, `stop`, `max_tokens` and `interruptGenerate` travel through
 * web-llm 0.2.86's `completionStreamInit` / `completionStreamNextChunk` messages as used.
 */
import { WebWorkerMLCEngine, WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';
import { describe, expect, it, vi } from 'vitest';
import { BudgetForcingError, forceBudget } from './budgetForcing';
import { ANSWER_PREFIX, QWEN3_TEMPLATE } from './budgetForcingPrompt';
import type { FakeThinkerOptions } from './testing/fakeCompletions';
import { FakeThinker } from './testing/fakeCompletions';

const MODEL = 'Qwen3-0.6B-q4f16_1-MLC';
const PROMPT = { template: QWEN3_TEMPLATE, system: 'Be brief.', user: 'What is 6 * 7?' };

/** A page-side engine whose worker is a handler in this thread, holding `fake`. */
function overWorker(fake: FakeThinker): WebWorkerMLCEngine {
  const handler = new WebWorkerMLCEngineHandler();
  const inside = handler as unknown as { engine: unknown; modelId: string[] };
  inside.engine = fake;
  inside.modelId = [MODEL];
  const worker = {
    onmessage: (_: unknown): void => undefined,
    postMessage: (msg: unknown): void => {
      const copy: unknown = structuredClone(msg);
      setTimeout(() => handler.onmessage(copy as MessageEvent));
    },
  };
  handler.postMessage = (msg: unknown): void => {
    const copy: unknown = structuredClone(msg);
    setTimeout(() => worker.onmessage(copy));
  };
  const engine = new WebWorkerMLCEngine(worker as unknown as Worker);
  (engine as unknown as { modelId: string[] }).modelId = [MODEL];
  return engine;
}

function thinker(extra: Omit<FakeThinkerOptions, 'script'> = {}): FakeThinker {
  return new FakeThinker({
    script: (prompt) => {
      if (prompt.endsWith(ANSWER_PREFIX)) return ' 42';
      return prompt.includes('Wait') ? ' sure</think>' : '6 * 7 = 42</think>';
    },
    ...extra,
  });
}

describe('budget forcing over the web-llm worker protocol', () => {
  it('extends once and answers, with usage from the worker', async () => {
    const fake = thinker();
    const trace = await forceBudget(overWorker(fake), PROMPT, {
      mode: 'extend',
      thinkingTokens: 100,
      maxWaits: 1,
      temperature: 0.6,
      seed: 1,
    });
    expect(trace.text).toBe('<think>\n6 * 7 = 42\nWait sure\n</think>\n\nFinal Answer: 42');
    // 11 + 3 thinking tokens ("</think>" counted each time), 4 for " 42" and the end.
    expect(trace.thinkingTokens).toBe(14);
    expect(trace.generated).toBe(18);
    expect(trace.prefilled).toBe(fake.calls.reduce((s, c) => s + c.promptTokens, 0));
    expect(fake.calls.map((c) => c.request.max_tokens)).toEqual([100, 89, 128]);
    expect(fake.calls[0]?.request.stop).toEqual(['</think>']);
  });

  it('a worker-side failure arrives as text and fails the sample', async () => {
    const fake = thinker({ breakOnCall: { call: 1, afterTokens: 3 } });
    const error = (await forceBudget(overWorker(fake), PROMPT, {
      mode: 'cap',
      thinkingTokens: 50,
      temperature: 0.6,
      seed: 1,
    }).catch((e: unknown) => e)) as BudgetForcingError;
    expect(error).toBeInstanceOf(BudgetForcingError);
    expect(error.message).toBe(
      'The model failed while thinking: Error: fake engine: the GPU device was lost on call 1',
    );
  });

  it('abort sends interruptGenerate to the worker', async () => {
    const fake = thinker({ hangOnCall: 1 });
    const controller = new AbortController();
    const run = forceBudget(overWorker(fake), PROMPT, {
      mode: 'cap',
      thinkingTokens: 50,
      temperature: 0.6,
      seed: 1,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    controller.abort();
    const error = (await run) as BudgetForcingError;
    expect(error.aborted).toBe(true);
    await vi.waitFor(() => expect(fake.interrupts).toBe(1));
  });
});
