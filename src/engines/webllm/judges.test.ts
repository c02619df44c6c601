import type { ChatCompletionRequest } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import type { JudgeContext } from '../../core/engine';
import { createRng } from '../../core/rng';
import type { Game24Problem, Game24State } from '../../core/tasks/game24';
import { game24Task, getPuzzle } from '../../core/tasks/game24';
import type { WordProblem, WordProblemState } from '../../core/tasks/wordProblems';
import { getWordProblem } from '../../core/tasks/wordProblems';
import type { WebLlmEngineOptions } from './adapter';
import { createWebLlmEngine } from './adapter';
import { GAME24_PROMPTS, WORD_PROBLEM_PROMPTS } from './conversation';
import { PauseGate } from './gate';
import { majority } from '../../core/tasks/replayLine';
import { MissingLogprobsError } from './logprobs';
import type { FakeScript } from './testing/fakeEngine';
import { FakeEngine } from './testing/fakeEngine';

const puzzle = getPuzzle('g24-001') as Game24Problem; // 4 6 8 8
const wp = getWordProblem('wp-001') as WordProblem; // 7 * 6 = 42
const OPTIONS: WebLlmEngineOptions = {
  judge: 'self',
  rolloutK: 3,
  temperature: 0.7,
  maxStepTokens: 30,
  delimiter: '\n\n',
  seed: 5,
};
const S1 = '8 / 4 = 2 (left: 6 8 2)';
const lastUser = (r: ChatCompletionRequest) => r.messages.at(-1)?.content;

function g24judge(steps: string[], bad = false): JudgeContext<Game24State, Game24Problem> {
  let parentState = game24Task.initial(puzzle);
  let state: Game24State | null = parentState;
  steps.forEach((s, i) => {
    if (state === null) return;
    parentState = state;
    const check = game24Task.applyStep(state, s, puzzle);
    state = check.valid && !(bad && i === steps.length - 1) ? check.state : null;
  });
  return { problem: puzzle, parentState, state, steps, rng: createRng(3) };
}

function wpjudge(steps: string[]): JudgeContext<WordProblemState, WordProblem> {
  return {
    problem: wp,
    parentState: { steps: steps.slice(0, -1) },
    state: { steps },
    steps,
    rng: createRng(3),
  };
}

function g24(script: FakeScript, options: Partial<WebLlmEngineOptions> = {}) {
  const fake = new FakeEngine({ script });
  return {
    fake,
    ...createWebLlmEngine(fake, 'game24', { ...OPTIONS, ...options }, {}, new PauseGate()),
  };
}

describe('self-judge', () => {
  const yesNo = {
    text: 'Yes',
    top: [
      { token: 'Yes', logprob: -0.2231 },
      { token: 'No', logprob: -1.6094 },
    ],
  };

  it('scores p(Yes) / (p(Yes) + p(No)) from one token with top_logprobs 5', async () => {
    const { fake, judge } = g24(() => yesNo);
    const j = await judge.score(g24judge([S1]));
    expect(j.score).toBeCloseTo(0.8, 4);
    expect(j.evidence).toMatchObject({ judge: 'self' });
    if (j.evidence.judge !== 'self') throw new Error('not self');
    expect(j.evidence.pYes).toBeCloseTo(0.8, 4);
    expect(j.evidence.pNo).toBeCloseTo(0.2, 4);
    const request = fake.calls[0]?.request as ChatCompletionRequest;
    expect(request).toMatchObject({
      max_tokens: 1,
      logprobs: true,
      top_logprobs: 5,
      temperature: 1,
    });
    expect(request.stream).toBeFalsy();
    expect(lastUser(request)).toBe(GAME24_PROMPTS.judge);
    expect(j.cost).toEqual({
      generated: 1,
      prefilled: fake.calls[0]?.promptTokens,
      proposerCalls: 0,
      judgeCalls: 1,
    });
  });

  it('judging a step right after writing it extends the KV cache', async () => {
    const { fake, proposer, judge } = g24((r) =>
      lastUser(r) === GAME24_PROMPTS.judge ? yesNo : `${S1}\n\n`,
    );
    const ctx = g24judge([]);
    await proposer.propose({ problem: puzzle, state: ctx.parentState, steps: [], rng: ctx.rng }, 1);
    await judge.score(g24judge([S1]));
    expect(fake.calls.map((c) => c.reused)).toEqual([false, true]);
  });

  it('scores an invalid step 0 without asking the model', async () => {
    const { fake, judge } = g24(() => yesNo);
    const j = await judge.score(g24judge([S1], true));
    expect(j).toEqual({
      score: 0,
      evidence: { judge: 'self', pYes: 0, pNo: 0 },
      cost: { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 },
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('throws a clear error, not a score, when the engine gives no log-probabilities', async () => {
    const { judge } = g24(() => ({ text: 'Yes', top: [] }));
    await expect(judge.score(g24judge([S1]))).rejects.toThrow(MissingLogprobsError);
  });

  it('gives 0.5 when the model answers neither Yes nor No', async () => {
    const { judge } = g24(() => ({ text: 'Maybe', top: [{ token: 'Maybe', logprob: -0.1 }] }));
    const j = await judge.score(g24judge([S1]));
    expect(j.score).toBe(0.5);
    expect(j.evidence).toEqual({ judge: 'self', pYes: 0, pNo: 0 });
  });
});

describe('rollout judge, Game of 24', () => {
  it('counts the completions that reach 24 when replayed through the task', async () => {
    // From 6 8 2, each completion written step by step: the first and third reach 24, the
    // second ends on 32, the fourth uses a 4 that is not left (invalid, so not reached).
    const completions = [
      ['6 / 2 = 3 (left: 8 3)', '8 * 3 = 24 (left: 24)'],
      ['6 - 2 = 4 (left: 8 4)', '8 * 4 = 32 (left: 32)'],
      ['6 * 8 = 48 (left: 2 48)', '48 / 2 = 24 (left: 24)'],
      ['8 - 2 = 6 (left: 6 6)', '6 * 4 = 24 (left: 24)'],
    ];
    const replies = completions.flat();
    const script: FakeScript = (_, call) => `${replies[call - 1] ?? ''}\n\n`;
    const { fake, judge } = g24(script, { judge: 'rollout', rolloutK: 4 });
    const j = await judge.score(g24judge([S1]));
    expect(j.evidence).toEqual({ judge: 'rollout', k: 4, reached: 2 });
    expect(j.score).toBe(0.5);
    // one step request per step, each no longer than a step
    expect(fake.calls).toHaveLength(8);
    expect(fake.calls.every((c) => c.request.max_tokens === 30)).toBe(true);
    expect(fake.calls.every((c) => lastUser(c.request) === GAME24_PROMPTS.next)).toBe(true);
    expect(fake.calls.map((c) => c.request.messages.length)).toEqual([4, 6, 4, 6, 4, 6, 4, 6]);
    // each second step extends the first; each completion starts again from the judged step
    expect(fake.calls.map((c) => c.reused)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    // eight different samples
    expect(new Set(fake.calls.map((c) => c.request.seed)).size).toBe(8);
    expect(j.cost.judgeCalls).toBe(1);
    expect(j.cost.proposerCalls).toBe(8);
    expect(j.cost.prefilled).toBe(fake.calls.reduce((s, c) => s + c.promptTokens, 0));
    expect(j.cost.generated).toBe(fake.calls.reduce((s, c) => s + c.completionTokens, 0));
  });

  it('its first completion extends the step the proposer has just written', async () => {
    const byDepth = ['', '', S1, '', '6 / 2 = 3 (left: 8 3)', '', '8 * 3 = 24 (left: 24)'];
    const { fake, proposer, judge } = g24((r) => `${byDepth[r.messages.length] ?? ''}\n\n`, {
      judge: 'rollout',
      rolloutK: 2,
    });
    const ctx = g24judge([]);
    await proposer.propose({ problem: puzzle, state: ctx.parentState, steps: [], rng: ctx.rng }, 1);
    const j = await judge.score(g24judge([S1]));
    expect(j.evidence).toEqual({ judge: 'rollout', k: 2, reached: 2 });
    // the step S1; completion 1 (extends S1, then its own first step); completion 2 (starts
    // again from S1, which the cache no longer holds, then extends its first step)
    expect(fake.calls.map((c) => c.reused)).toEqual([false, true, true, false, true]);
  });

  it('needs no completions for a step that ends the line', async () => {
    const { fake, judge } = g24(() => 'x', { judge: 'rollout', rolloutK: 4 });
    const solved = ['8 / 4 = 2 (left: 6 8 2)', '6 / 2 = 3 (left: 8 3)', '8 * 3 = 24 (left: 24)'];
    expect((await judge.score(g24judge(solved))).evidence).toEqual({
      judge: 'rollout',
      k: 4,
      reached: 4,
    });
    const wrong = ['8 / 4 = 2 (left: 6 8 2)', '6 / 2 = 3 (left: 8 3)', '8 + 3 = 11 (left: 11)'];
    expect((await judge.score(g24judge(wrong))).score).toBe(0);
    expect((await judge.score(g24judge([S1], true))).score).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('rollout judge, word problems (answer hidden: agreement with the majority)', () => {
  /** `replies` are the steps, in the order the completions ask for them. */
  function wpEngine(replies: string[], k: number) {
    const fake = new FakeEngine({ script: (_, call) => replies[call - 1] ?? '' });
    const options = { ...OPTIONS, judge: 'rollout' as const, rolloutK: k, maxStepTokens: 60 };
    return { fake, ...createWebLlmEngine(fake, 'word-problems', options, {}, new PauseGate()) };
  }

  it('reads malformed outputs: no number votes for nothing, several numbers take the first', async () => {
    const { fake, judge } = wpEngine(
      [
        ...['6 * 7 = 42 muffins.', 'The answer is 42.'],
        'The answer is 42.',
        // no number: no answer, so the completion goes on, and ends at an empty reply
        ...['The answer is a lot of muffins.', ''],
        'The answer is 13 or maybe 14.',
        ...['I do not know.', ''],
      ],
      5,
    );
    const j = await judge.score(wpjudge(['She fills 7 boxes of 6.']));
    // answers: 42, 42, none, 13, none → majority 42 with 2 of 5
    expect(j.evidence).toEqual({ judge: 'rollout', k: 5, reached: 2 });
    expect(j.score).toBeCloseTo(0.4, 10);
    expect(fake.calls).toHaveLength(8);
    expect(lastUser(fake.calls[0]?.request as ChatCompletionRequest)).toBe(
      WORD_PROBLEM_PROMPTS.next,
    );
    expect(fake.calls.every((c) => c.request.max_tokens === 60)).toBe(true);
  });

  it('a completion stops after maxSteps steps (8 by default for word problems)', async () => {
    const { fake, judge } = wpEngine(Array<string>(20).fill('Keep going.'), 1);
    expect((await judge.score(wpjudge(['Seven boxes.']))).evidence).toMatchObject({ reached: 0 });
    expect(fake.calls).toHaveLength(8);
  });

  it('a completion with a wrong equation agrees with nothing', async () => {
    // the first completion stops at its invalid first step
    const { fake, judge } = wpEngine(['6 * 7 = 43.', 'The answer is 42.'], 2);
    expect((await judge.score(wpjudge(['Seven boxes.']))).evidence).toMatchObject({ reached: 1 });
    expect(fake.calls).toHaveLength(2);
  });

  it('scores a step that states its answer by completions from its parent', async () => {
    const { fake, judge } = wpEngine(
      ['The answer is 42.', 'The answer is 41.', ...['7 * 6 = 42.', 'The answer is 42.']],
      3,
    );
    const j = await judge.score(wpjudge(['She fills 7 boxes of 6.', 'The answer is 42.']));
    expect(j.evidence).toEqual({ judge: 'rollout', k: 3, reached: 2 });
    // the completions continue the parent: the path without the judged step
    const last = fake.calls[0]?.request.messages.at(-2);
    expect(last).toEqual({ role: 'assistant', content: 'She fills 7 boxes of 6.' });
  });

  it('majority breaks ties by the first answer to get there', () => {
    expect(majority(['12', null, '13', '12'])).toEqual({ answer: '12', votes: 2 });
    // 12 has two votes at the third answer, 13 only at the fourth
    expect(majority(['13', '12', '12', '13'])).toEqual({ answer: '12', votes: 2 });
    expect(majority([null, null])).toEqual({ answer: null, votes: 0 });
  });
});

describe('rule judge and options', () => {
  it('uses the exact verifier for Game of 24', async () => {
    const { fake, judge } = g24(() => 'x', { judge: 'rule' });
    expect(judge.kind).toBe('rule');
    expect((await judge.score(g24judge([S1]))).score).toBe(1);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses the rule judge for word problems and unusable numbers', () => {
    const fake = new FakeEngine({ script: () => 'x' });
    const gate = new PauseGate();
    expect(() =>
      createWebLlmEngine(fake, 'word-problems', { ...OPTIONS, judge: 'rule' }, {}, gate),
    ).toThrow('Math word problems has no exact rule verifier: use the self or rollout judge');
    expect(() =>
      createWebLlmEngine(fake, 'game24', { ...OPTIONS, rolloutK: 0, maxStepTokens: 1.5 }, {}, gate),
    ).toThrow(/rolloutK.*maxStepTokens/);
    expect(() =>
      createWebLlmEngine(fake, 'game24', { ...OPTIONS, temperature: 3 }, {}, gate),
    ).toThrow(/temperature/);
  });
});
