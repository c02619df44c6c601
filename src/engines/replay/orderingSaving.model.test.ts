// The ordering estimate on word problems, and on runs of the real web-llm adapter (over the
// fake engine that behaves as web-llm 0.2.86 does).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { SearchSettings } from '../../core/search';
import { DEFAULT_SEARCH, runSearch, streamEvents } from '../../core/search';
import type { Game24Problem } from '../../core/tasks/game24';
import { game24Task, getPuzzle } from '../../core/tasks/game24';
import type { WordProblem, WordProblemState } from '../../core/tasks/wordProblems';
import { getWordProblem, wordProblemTask } from '../../core/tasks/wordProblems';
import type { TraceEvent } from '../../core/tree/events';
import { ZERO_COST } from '../../core/tree/events';
import type { RunSettings } from '../../run/settings';
import type { StepJudge, StepProposer } from '../types';
import { createWebLlmEngine } from '../webllm/adapter';
import { WORD_PROBLEM_PROMPTS } from '../webllm/conversation';
import { PauseGate } from '../webllm/gate';
import { approxTokens } from '../webllm/kvCache';
import { FakeEngine } from '../webllm/testing/fakeEngine';
import { game24Model } from '../webllm/testing/game24Model';
import { estimateOrderingSaving } from './orderingSaving';
import { asSelfJudge, recordThroughAccountant, webLlmSettings } from './testing/recorded';

const puzzle = getPuzzle('g24-001') as Game24Problem;
const algorithms = ['mcts', 'beam', 'best-of-n'] as const;

const numbers = (r: ReturnType<typeof estimateOrderingSaving>) => {
  if ('unavailable' in r) throw new Error(`unavailable: ${r.unavailable}`);
  return r;
};

describe('math word problems', () => {
  const problem = getWordProblem('wp-001') as WordProblem; // 7 * 6 = 42, then the answer
  const asides = ['Let me restate the question.', 'I will check the units again.'];
  /** The reference step first, then asides that keep the line open. */
  const proposer: StepProposer<WordProblemState, WordProblem> = {
    label: 'reference steps',
    simulated: true,
    propose(ctx, n) {
      const ref = ctx.problem.steps[ctx.state.steps.filter((t) => !asides.includes(t)).length];
      const texts = ref === undefined ? [] : [ref, ...asides].slice(0, n);
      const steps = texts.map((text) => ({ text, tokens: approxTokens(text), logProb: -1 }));
      return { steps, cost: ZERO_COST };
    },
    rollout(ctx, maxSteps) {
      const done = ctx.state.steps.filter((t) => !asides.includes(t)).length;
      const texts = ctx.problem.steps.slice(done, done + maxSteps);
      const steps = texts.map((text) => ({ text, tokens: approxTokens(text), logProb: -1 }));
      return { steps, cost: ZERO_COST };
    },
  };
  const judge: StepJudge<WordProblemState, WordProblem> = {
    kind: 'rule',
    label: 'reference check',
    score: (ctx) => ({
      score: asides.includes(ctx.steps.at(-1) ?? '') ? 0.3 : 0.8,
      evidence: { judge: 'rule', valid: true, solvable: true },
      cost: ZERO_COST,
    }),
  };
  const record = (search: SearchSettings, order: 'naive' | 'cache-aware') =>
    recordThroughAccountant({
      task: wordProblemTask,
      problem,
      prompts: WORD_PROBLEM_PROMPTS,
      proposer,
      judge: asSelfJudge(judge),
      judgeRequests: 'judge-turn',
      search,
      seed: 4,
      order,
    });

  it.each(algorithms)('%s: the estimate is the accountant run in each order', (algorithm) => {
    const search = { ...DEFAULT_SEARCH[algorithm], maxDepth: 4 };
    const live = record(search, 'cache-aware');
    const naive = record(search, 'naive');
    expect(live.events.some((e) => e.type === 'terminal' && e.correct)).toBe(true);
    const settings = webLlmSettings(
      search,
      { judge: 'self' },
      {
        task: 'word-problems',
        problemId: problem.id,
        seed: 4,
      },
    );
    expect(estimateOrderingSaving(settings, live.events)).toEqual({
      naive: naive.usage.prefilled,
      cacheAware: live.usage.prefilled,
      saved: naive.usage.prefilled - live.usage.prefilled,
      answers: 'recorded',
    });
    if (algorithm === 'mcts') expect(naive.usage.prefilled).toBeGreaterThan(live.usage.prefilled);
  });

  it('refuses an unknown problem, and a Game of 24 run under word-problem settings', () => {
    const search = DEFAULT_SEARCH.mcts;
    const live = record(search, 'cache-aware');
    const as = (rest: Partial<RunSettings>) =>
      estimateOrderingSaving(webLlmSettings(search, { judge: 'self' }, rest), live.events);
    expect(as({ task: 'word-problems', problemId: 'wp-999' })).toMatchObject({
      unavailable: expect.stringMatching(/No bundled word problem "wp-999"/),
    });
    // Game of 24 cannot apply these steps: the replay marks them invalid and differs.
    expect(as({ task: 'game24', problemId: 'g24-001' })).toHaveProperty('unavailable');
  });
});

describe('a run of the real web-llm adapter over a fake engine', () => {
  const options = {
    judge: 'self' as const,
    rolloutK: 2,
    temperature: 0.8,
    maxStepTokens: 40,
    delimiter: '\n\n',
    seed: 9,
  };
  const searches: [string, SearchSettings][] = [
    ['MCTS, PRM value', { ...DEFAULT_SEARCH.mcts, iterations: 8, maxDepth: 3 }],
    ['MCTS, rollout value', { ...DEFAULT_SEARCH.mcts, iterations: 8, valueMode: 'rollout' }],
    ['beam search', { ...DEFAULT_SEARCH.beam, beamWidth: 2, expansionsPerBeam: 2 }],
    ['best-of-N', { ...DEFAULT_SEARCH['best-of-n'], n: 4 }],
  ];

  it.each(searches)('%s: replays the recorded events and gives both totals', async (_, search) => {
    const fake = new FakeEngine({ script: (r) => game24Model(r) });
    const engine = createWebLlmEngine(fake, 'game24', options, {}, new PauseGate());
    const ctx = {
      task: game24Task,
      problem: puzzle,
      ...engine,
      rng: createRng(4),
      schedule: 'cache-aware' as const,
    };
    const events: TraceEvent[] = [];
    for await (const e of streamEvents(runSearch(ctx, search))) events.push(e);
    expect(events.at(-1)?.type).toBe('done');
    const settings = webLlmSettings(search, options, { seed: 9 });
    const r = numbers(estimateOrderingSaving(settings, events));
    expect(r.cacheAware).toBeGreaterThan(0);
    expect(r.cacheAware).toBeLessThanOrEqual(r.naive);
  });
});
