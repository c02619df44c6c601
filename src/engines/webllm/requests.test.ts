import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProposerContext } from '../../core/engine';
import { createRng } from '../../core/rng';
import type { Game24Problem, Game24State } from '../../core/tasks/game24';
import { game24Task, getPuzzle } from '../../core/tasks/game24';
import type { WebLlmEngineOptions, WebLlmHooks } from './adapter';
import { createWebLlmEngine } from './adapter';
import { PauseGate } from './gate';
import { ConversationCache } from './kvCache';
import type { RequestUsage } from './requests';
import { heldText } from './keptText';
import { stallError, watchdog } from './requests';
import type { FakeEngineOptions } from './testing/fakeEngine';
import { FakeEngine, fakeTokenize } from './testing/fakeEngine';

const puzzle = getPuzzle('g24-001') as Game24Problem;
const OPTIONS: WebLlmEngineOptions = {
  judge: 'self',
  rolloutK: 2,
  temperature: 0.7,
  maxStepTokens: 40,
  delimiter: '\n\n',
  seed: 3,
};
const S1 = '8 / 4 = 2 (left: 6 8 2)';
const S2 = '6 + 8 = 14 (left: 8 14)';

function setup(
  fakeOptions: Omit<FakeEngineOptions, 'script'> & { replies: string[] },
  hooks: WebLlmHooks = {},
) {
  const { replies, ...rest } = fakeOptions;
  const fake = new FakeEngine({ script: (_, call) => replies[call - 1] ?? '', ...rest });
  const gate = new PauseGate();
  return { fake, gate, ...createWebLlmEngine(fake, 'game24', OPTIONS, hooks, gate) };
}

function ctx(
  steps: string[] = [],
  signal?: AbortSignal,
): ProposerContext<Game24State, Game24Problem> {
  let state = game24Task.initial(puzzle);
  for (const s of steps) {
    const check = game24Task.applyStep(state, s, puzzle);
    if (check.valid) state = check.state;
  }
  const c: ProposerContext<Game24State, Game24Problem> = {
    problem: puzzle,
    state,
    steps,
    rng: createRng(1),
  };
  if (signal) c.signal = signal;
  return c;
}

/** Resolves once `check` holds, polling through the event loop. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!check()) throw new Error('condition never held');
}

describe('pause', () => {
  it('interrupts a request in flight, drops its reply and asks again after resume', async () => {
    const drafts: (string | null)[] = [];
    const { fake, gate, proposer, cache } = setup(
      { replies: [`${S2}\n\n`, `${S1}\n\n`], hangOnCall: 1 },
      { onDraft: (d) => drafts.push(d?.text ?? null) },
    );
    const pending = proposer.propose(ctx(), 1);
    await until(() => drafts.length > 0); // the first token of the first attempt is out
    gate.pause();
    await until(() => fake.calls[0]?.finishReason === 'abort');
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.calls).toHaveLength(1); // nothing new while paused
    gate.resume();
    const { steps, cost } = await pending;
    // interrupted on pause (and again on each chunk after it, in case web-llm had not yet
    // started the generation and dropped the first interrupt)
    expect(fake.interrupts).toBeGreaterThanOrEqual(1);
    expect(steps.map((s) => s.text)).toEqual([S1]); // the dropped attempt's text is gone
    expect(fake.calls).toHaveLength(2);
    // the same request again, same seed
    expect(fake.calls[1]?.request).toEqual(fake.calls[0]?.request);
    // after an aborted reply web-llm does not reuse the cache; the tracker knew it
    expect(fake.calls[1]?.reused).toBe(false);
    expect(cache.heldSteps()).toEqual([S1]);
    // cost counts what the dropped attempt spent too
    expect(cost.generated).toBe(
      (fake.calls[0]?.completionTokens ?? 0) + (fake.calls[1]?.completionTokens ?? 0),
    );
    expect(cost.prefilled).toBe(
      (fake.calls[0]?.promptTokens ?? 0) + (fake.calls[1]?.promptTokens ?? 0),
    );
    expect(drafts.at(-1)).toBeNull();
  });

  it('sends nothing while paused', async () => {
    const { fake, gate, proposer } = setup({ replies: [S1] });
    gate.pause();
    const pending = proposer.propose(ctx(), 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.calls).toHaveLength(0);
    gate.resume();
    expect((await pending).steps.map((s) => s.text)).toEqual([S1]);
  });
  it('a pause right as the call begins holds the request back until resume', async () => {
    const { fake, gate, proposer } = setup({ replies: [S1] });
    const pending = proposer.propose(ctx(), 1);
    gate.pause();
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.calls).toHaveLength(0);
    gate.resume();
    expect((await pending).steps.map((s) => s.text)).toEqual([S1]);
    expect(fake.calls).toHaveLength(1);
  });

  it('a pause during a self-judge keeps its answer and counts its tokens once (issue 17, item 5)', async () => {
    // web-llm clears the interrupt flag when the request starts (lib/index.js 18646, 18372), and
    // a one-token reply has stopped before the loop that looks at it (18377-18381): the pause
    // cannot stop the judge, whose answer is whole.
    const seen: RequestUsage[] = [];
    const { fake, gate, judge } = setup(
      { replies: ['Yes'], hangOnCall: 1 },
      { onUsage: (u) => seen.push(u) },
    );
    const pending = judge.score({
      problem: puzzle,
      parentState: game24Task.initial(puzzle),
      state: ctx([S1]).state,
      steps: [S1],
      rng: createRng(1),
    });
    await until(() => fake.calls[0]?.completionTokens === 1); // prefilled, answering
    gate.pause();
    await new Promise((r) => setTimeout(r, 5));
    gate.resume();
    const { cost } = await pending;
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.finishReason).toBe('length');
    expect(seen).toHaveLength(1);
    expect(cost).toMatchObject({
      generated: 1,
      prefilled: fake.calls[0]?.promptTokens,
      judgeCalls: 1,
    });
  });
});

describe('stop', () => {
  it('interrupts the generation and rejects with an AbortError', async () => {
    const { fake, proposer, cache } = setup({ replies: [S1, `${S2}\n\n`], hangOnCall: 2 });
    await proposer.propose(ctx(), 1);
    expect(cache.heldSteps()).toEqual([S1]);
    const controller = new AbortController();
    const pending = Promise.resolve(proposer.propose(ctx([S1], controller.signal), 1));
    await until(() => fake.calls.length === 2);
    controller.abort();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError', message: 'The run was stopped' });
    expect(fake.interrupts).toBe(1);
    expect(cache.heldSteps()).toBeNull();
  });

  it('rejects at once, asking nothing, when stopped while paused or before the request', async () => {
    const { fake, gate, proposer, judge } = setup({ replies: [S1] });
    const controller = new AbortController();
    gate.pause();
    const pending = proposer.propose(ctx([], controller.signal), 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const score = judge.score({
      problem: puzzle,
      parentState: game24Task.initial(puzzle),
      state: ctx([S1]).state,
      steps: [S1],
      rng: createRng(1),
      signal: controller.signal,
    });
    await expect(score).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('errors', () => {
  it('an engine that throws on the 3rd call: the error surfaces and the cache tracker resets', async () => {
    const { proposer, cache } = setup({ replies: [S1, S2, S2], throwOnCall: 3 });
    await proposer.propose(ctx(), 1);
    await proposer.propose(ctx([S1]), 1);
    expect(cache.heldSteps()).toEqual([S1, S2]);
    const error: unknown = await Promise.resolve(proposer.propose(ctx([S1, S2]), 1)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'The model failed while writing a step: fake engine: scripted failure on call 3',
    );
    expect(cache.heldSteps()).toBeNull();
  });

  it('wraps things thrown that are not errors', async () => {
    const fake = new FakeEngine({ script: () => S1 });
    fake.chatCompletion = () => Promise.reject({ code: 42 });
    const { proposer } = createWebLlmEngine(fake, 'game24', OPTIONS, {}, new PauseGate());
    await expect(proposer.propose(ctx(), 1)).rejects.toThrow('writing a step: {"code":42}');
  });
});

describe('the stall watchdog', () => {
  const DEFAULT_STALL = watchdog.stallMs;
  afterEach(() => {
    watchdog.stallMs = DEFAULT_STALL;
    vi.useRealTimers();
  });

  it('gives up a step after 60 s without a token: interrupts, rejects and resets the cache', async () => {
    vi.useFakeTimers();
    const { fake, proposer, cache } = setup({ replies: [S1, `${S2}\n\n`, S2], hangOnCall: 2 });
    await proposer.propose(ctx(), 1);
    expect(cache.heldSteps()).toEqual([S1]);
    const pending = Promise.resolve(proposer.propose(ctx([S1]), 1));
    const settled = pending.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fake.calls).toHaveLength(2);
    expect(fake.interrupts).toBe(0); // 1 ms short of the limit: still waiting
    await vi.advanceTimersByTimeAsync(1);
    const error = await settled;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('The model stopped responding (no token for 60 s)');
    expect(fake.interrupts).toBe(1);
    expect(cache.heldSteps()).toBeNull();
    // The engine answers the next request as usual (nothing is re-sent by itself).
    expect(fake.calls).toHaveLength(2);
    const next = await proposer.propose(ctx([S1]), 1);
    expect(next.steps.map((s) => s.text)).toEqual([S2]);
  });

  it('covers a non-streaming request too (the self-judge), with a shortened limit', async () => {
    watchdog.stallMs = 20;
    const { fake, judge } = setup({ replies: ['Yes'], hangOnCall: 1 });
    const score = judge.score({
      problem: puzzle,
      parentState: game24Task.initial(puzzle),
      state: ctx([S1]).state,
      steps: [S1],
      rng: createRng(1),
    });
    await expect(score).rejects.toThrow('The model stopped responding (no token for 20 ms)');
    expect(fake.interrupts).toBe(1);
  });

  it('leaves requests that keep streaming alone', async () => {
    watchdog.stallMs = 20;
    const { proposer } = setup({ replies: [`${S1}\n\n`] });
    expect((await proposer.propose(ctx(), 1)).steps.map((s) => s.text)).toEqual([S1]);
  });

  it('a stop during the wait is a stop, not a stall', async () => {
    watchdog.stallMs = 10_000;
    const { fake, proposer } = setup({ replies: [S1], hangOnCall: 1 });
    const controller = new AbortController();
    const pending = Promise.resolve(proposer.propose(ctx([], controller.signal), 1));
    await until(() => fake.calls.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a stream that goes on after its stall never interrupts a later request', async () => {
    watchdog.stallMs = 20;
    const { fake, proposer } = setup({ replies: [S1, `${S2}\n\n`], hangOnCall: 1 });
    await expect(Promise.resolve(proposer.propose(ctx(), 1))).rejects.toThrow('no token');
    // The hung stream was woken by the interrupt and ran on; a request after it goes through.
    watchdog.stallMs = 60_000;
    const interrupts = fake.interrupts;
    const next = await proposer.propose(ctx(), 1);
    await new Promise((r) => setTimeout(r, 40));
    expect(next.steps.map((s) => s.text)).toEqual([S2]);
    expect(fake.interrupts).toBe(interrupts);
  });

  it('says seconds, or milliseconds under one', () => {
    expect(stallError(60_000).message).toBe('The model stopped responding (no token for 60 s)');
    expect(stallError(250).message).toBe('The model stopped responding (no token for 250 ms)');
  });
});

describe('usage', () => {
  it('reports every request with web-llm prefill and decode speeds', async () => {
    const seen: RequestUsage[] = [];
    const { fake, proposer } = setup(
      { replies: [`${S1}\n\n`], prefillTokensPerS: 812.5, decodeTokensPerS: 31.25 },
      { onUsage: (u) => seen.push(u) },
    );
    await proposer.propose(ctx(), 1);
    expect(seen).toEqual([
      {
        generated: fake.calls[0]?.completionTokens,
        prefilled: fake.calls[0]?.promptTokens,
        prefillTokensPerS: 812.5,
        decodeTokensPerS: 31.25,
      },
    ]);
  });
});

describe('heldText', () => {
  it('removes a partial stop string streamed before the stop was seen', () => {
    expect(heldText('a\n', ['\n\n'], 'stop')).toBe('a');
    expect(heldText('a\n', ['\n\n'], 'length')).toBe('a\n');
    expect(heldText('a', ['\n\n'], 'stop')).toBe('a');
    expect(heldText('a##', ['###'], 'stop')).toBe('a');
  });
});

describe('the cache tracker keeps what web-llm keeps (issue 17, item 3)', () => {
  // web-llm's message is cut at the *last* occurrence of the stop string in the whole decoded
  // output (lib/index.js 12563-12571), and a stop token ends it with nothing cut (12544-12550).
  const cases: [string, FakeEngineOptions['script'], string][] = [
    ['an end-of-sequence token right after "\\n"', () => `${S1}\n`, `${S1}\n`],
    [
      'one token holding "\\n\\n\\n"',
      () => ({ text: `${S1}\n\n\n`, tokens: [...fakeTokenize(S1), '\n\n\n'] }),
      `${S1}\n`,
    ],
    ['"\\n" then "\\n" (the stop completed by the next token)', () => `${S1}\n\nmore`, S1],
    ['one token ".\\n\\n"', () => ({ text: 'a.\n\n', tokens: ['a', '.\n\n'] }), 'a.'],
  ];
  for (const [name, script, kept] of cases) {
    it(`${name}: web-llm keeps ${JSON.stringify(kept)}, and so does the tracker`, async () => {
      const fake = new FakeEngine({ script });
      const { proposer, cache } = createWebLlmEngine(fake, 'game24', OPTIONS, {}, new PauseGate());
      await proposer.propose(ctx(), 1);
      if (!(cache instanceof ConversationCache)) throw new Error('the probe is the tracker');
      expect(fake.heldMessages()?.at(-1)?.content).toBe(kept);
      expect(cache.heldConversation()?.at(-1)?.content).toBe(kept);
      expect(cache.heldSteps()).toEqual(kept.endsWith('\n') ? null : [kept]);
    });
  }
});
