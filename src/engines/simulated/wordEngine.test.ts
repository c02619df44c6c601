import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { WordProblem, WordProblemState } from '../../core/tasks/wordProblems';
import {
  WORD_PROBLEMS,
  extractFinalAnswer,
  getWordProblem,
  wordProblemTask,
} from '../../core/tasks/wordProblems';
import type { StepCheck } from '../../core/tasks/task';
import type { JudgeContext, StepJudge } from '../types';
import type { SimulatedEngineOptions } from './index';
import { wordProblemsEntry } from '../../core/tasks/wordProblems/entry';
import { lineValues, planOf } from '../../core/tasks/wordProblems/simulated/line';
import { wrongSteps } from '../../core/tasks/wordProblems/simulated/mistakes';
import { wordStepTruth } from '../../core/tasks/wordProblems/simulated/truth';
import { createSimulatedEngine, createSimulatedProposer } from './index';
import { createRolloutJudge, createSimulatedPrm } from './judges';

const createWordProposer = (policy: { skill: number; slipRate: number }) =>
  createSimulatedProposer(wordProblemsEntry, policy);
const createWordPrm = (noise: number) =>
  createSimulatedPrm(wordProblemsEntry.task, wordProblemsEntry.simulated, noise);

function problem(id: string): WordProblem {
  const p = getWordProblem(id);
  if (!p) throw new Error(`no ${id}`);
  return p;
}

const state = (steps: readonly string[]): WordProblemState => ({ steps });

/** The judge's view of the last of `steps`, after the task has checked the line. */
function judged(
  p: WordProblem,
  steps: readonly string[],
  seed = 1,
): JudgeContext<WordProblemState, WordProblem> {
  let s: WordProblemState | null = state([]);
  let parent = state([]);
  for (const text of steps) {
    parent = s ?? parent;
    const check: StepCheck<WordProblemState> | null = s
      ? wordProblemTask.applyStep(s, text, p)
      : null;
    s = check?.valid ? check.state : null;
  }
  return { problem: p, parentState: parent, state: s, steps, rng: createRng(seed) };
}

/** Where a line ends under the task: its outcome, or null while it is still open. */
function replay(p: WordProblem, steps: readonly string[]) {
  let s: WordProblemState = state([]);
  for (const text of steps) {
    const check = wordProblemTask.applyStep(s, text, p);
    if (!check.valid) return { kind: 'invalid-step' as const, answer: '', correct: false };
    s = check.state;
  }
  return wordProblemTask.outcome(s, p);
}

const perfect = createWordProposer({ skill: 1, slipRate: 0 });

describe('the simulated word-problem proposer', () => {
  it('with skill 1 and no slips writes the reference solution (wp-006 by hand)', () => {
    const p = problem('wp-006');
    const r = perfect.rollout({ problem: p, state: state([]), steps: [], rng: createRng(1) }, 8);
    expect(r.steps.map((s) => s.text)).toEqual([
      'Two weeks have 2 * 7 = 14 evenings.',
      'She reads 14 * 12 = 168 pages.',
      'The answer is 168.',
    ]);
    // Tokens: 10 + 9 + 5 written; the question (17) read once.
    expect(r.steps.map((s) => s.tokens)).toEqual([10, 9, 5]);
    expect(r.cost).toEqual({ generated: 24, prefilled: 17, proposerCalls: 1, judgeCalls: 0 });
  });

  it('carries a wrong step to a wrong answer (wp-022 by hand)', () => {
    const p = problem('wp-022');
    const line = ['The perimeter is 2 + (14 + 9) = 25 m.'];
    const r = perfect.rollout(
      { problem: p, state: state(line), steps: line, rng: createRng(2) },
      8,
    );
    expect(r.steps.map((s) => s.text)).toEqual([
      'The fence costs 25 * 8 = 200 dollars.',
      'The answer is 200.',
    ]);
  });

  it('proposes distinct steps, fewer when the model is sure, with the log-probability of a draw', () => {
    const p = problem('wp-022');
    const ctx = { problem: p, state: state([]), steps: [], rng: createRng(3) };
    expect(perfect.propose(ctx, 5).steps.map((s) => s.text)).toEqual([p.steps[0]]);
    expect(perfect.propose(ctx, 5).steps[0]?.logProb).toBe(0);
    const model = createWordProposer({ skill: 0.7, slipRate: 0.05 });
    const { steps } = model.propose({ ...ctx, rng: createRng(4) }, 16);
    expect(new Set(steps.map((s) => s.text)).size).toBe(steps.length);
    const faithful = steps.find((s) => s.text === p.steps[0]);
    expect(faithful?.logProb).toBeCloseTo(Math.log(0.7 * 0.95), 12);
    // The popular wrong step: (1 - 0.7) * 0.5 of the draws, without a slip.
    const popular = steps.find((s) => s.text === 'The perimeter is 2 + (14 + 9) = 25 m.');
    expect(popular?.logProb).toBeCloseTo(Math.log(0.3 * 0.5 * 0.95), 12);
  });

  it('over all 48 problems a line is valid without slips, as long as the reference, and ends on its answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: WORD_PROBLEMS.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (index, skill, seed) => {
          const p = WORD_PROBLEMS[index] as WordProblem;
          const model = createWordProposer({ skill, slipRate: 0 });
          const ctx = { problem: p, state: state([]), steps: [], rng: createRng(seed) };
          const texts = model.rollout(ctx, 8).steps.map((s) => s.text);
          expect(texts).toHaveLength(p.steps.length);
          texts.forEach((t, k) => {
            expect(extractFinalAnswer(t) !== null).toBe(k === texts.length - 1);
          });
          expect(texts.at(-1)).toMatch(/^The answer is -?\d+(\.\d+)?\.$/);
          const outcome = replay(p, texts);
          expect(outcome?.kind).not.toBe('invalid-step');
          // The PRM's truth at the last step is the grade.
          expect(wordStepTruth(judged(p, texts))).toBe(outcome?.correct ? 1 : 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with slips every step with an equation is rejected by the task', () => {
    const model = createWordProposer({ skill: 0.5, slipRate: 1 });
    for (const p of WORD_PROBLEMS) {
      const ctx = { problem: p, state: state([]), steps: [], rng: createRng(7) };
      for (const step of model.propose(ctx, 4).steps) {
        expect(wordProblemTask.applyStep(state([]), step.text, p).valid).toBe(false);
      }
    }
  });

  it('every wrong step, continued faithfully, ends on a wrong answer', () => {
    for (const p of WORD_PROBLEMS) {
      const plan = planOf(p);
      for (let k = 0; k < p.steps.length; k++) {
        const prefix = p.steps.slice(0, k);
        for (const w of wrongSteps(plan, k, lineValues(plan, prefix))) {
          const line = [...prefix, w.text];
          const ctx = { problem: p, state: state(line), steps: line, rng: createRng(k) };
          const rest = perfect.rollout(ctx, 8).steps.map((s) => s.text);
          expect(replay(p, [...line, ...rest])?.kind, [...line, ...rest].join(' | ')).toBe(
            'wrong-answer',
          );
        }
      }
    }
  });

  it('one seed makes different choices on different problems (its stream is forked by problem)', () => {
    const model = createWordProposer({ skill: 0.5, slipRate: 0 });
    const firstIsReference = WORD_PROBLEMS.filter((p) => {
      const ctx = { problem: p, state: state([]), steps: [], rng: createRng(1) };
      return model.rollout(ctx, 1).steps[0]?.text === p.steps[0];
    }).length;
    expect(firstIsReference).toBeGreaterThan(12);
    expect(firstIsReference).toBeLessThan(36);
  });

  it('proposes nothing past the end of the reference', () => {
    const p = problem('wp-001');
    const ctx = { problem: p, state: state(p.steps), steps: p.steps, rng: createRng(1) };
    expect(perfect.propose(ctx, 3).steps).toEqual([]);
    expect(perfect.rollout(ctx, 3).steps).toEqual([]);
  });
});

describe('the judges', () => {
  const p = problem('wp-003');
  const [s1 = '', s2 = '', s3 = ''] = p.steps;
  const wrong = 'After adding the new books there are 34 - 19 = 15 books.';

  it('PRM truth: 1 along the reference, 0 from a wrong step on, 0 for a slip or wrong answer', () => {
    expect(wordStepTruth(judged(p, [s1]))).toBe(1);
    expect(wordStepTruth(judged(p, [s1, s2, s3]))).toBe(1);
    expect(wordStepTruth(judged(p, [wrong]))).toBe(0);
    expect(
      wordStepTruth(
        judged(p, [wrong, 'After removing the damaged ones there are 15 - 8 = 7 books.']),
      ),
    ).toBe(0);
    expect(
      wordStepTruth(
        judged(p, [s1, 'After removing the damaged ones there are 53 - 8 = 44 books.']),
      ),
    ).toBe(0);
    expect(wordStepTruth(judged(p, [s1, s2, 'The answer is 53.']))).toBe(0);
    // Other words, same numbers: still on the path.
    expect(
      wordStepTruth(judged(p, ['First 34 + 19 = 53.', 'Then 53 - 8 = 45.', 'Answer: 45'])),
    ).toBe(1);
  });

  it('the rule judge passes a wrong step with valid arithmetic and fails a slip', () => {
    const rule = createSimulatedEngine(wordProblemsEntry, { ...options, judge: 'rule' }).judge;
    expect(rule.kind).toBe('rule');
    expect(score(rule, judged(p, [wrong]))).toBe(1);
    expect(
      score(rule, judged(p, ['After adding the new books there are 34 + 19 = 52 books.'])),
    ).toBe(0);
  });

  it('the exact PRM separates good from bad steps; a noisy one sometimes does not', () => {
    const exact = createWordPrm(0);
    for (let seed = 1; seed <= 20; seed++) {
      expect(score(exact, judged(p, [s1], seed))).toBeGreaterThanOrEqual(0.75);
      expect(score(exact, judged(p, [wrong], seed))).toBeLessThanOrEqual(0.25);
    }
    const noisy = createWordPrm(1);
    const scores = Array.from({ length: 50 }, (_, seed) => score(noisy, judged(p, [wrong], seed)));
    expect(scores.some((s) => s > 0.25)).toBe(true);
  });

  it('rollout value measures agreement with the majority answer, not correctness', () => {
    const judge = createRolloutJudge(
      wordProblemsEntry.task,
      perfect,
      wordProblemsEntry.simulated,
      4,
    );
    // A sure model agrees with itself after a wrong step too: 4 of 4.
    expect(judge.score(judged(p, [s1]))).toMatchObject({ score: 1, evidence: { reached: 4 } });
    expect(judge.score(judged(p, [wrong]))).toMatchObject({ score: 1, evidence: { reached: 4 } });
    // A final step is compared with completions from its parent: 45 agrees, 53 does not.
    expect(judge.score(judged(p, [s1, s2, s3])).score).toBe(1);
    expect(judge.score(judged(p, [s1, s2, 'The answer is 53.'])).score).toBe(0);
    // An invalid step: 0 without completions.
    const invalid = judge.score(judged(p, ['There are 34 + 19 = 50 books.']));
    expect(invalid).toMatchObject({ score: 0, cost: { generated: 0, judgeCalls: 1 } });
    // The cost counts the completions: wp-003 from s1 is 2 steps of 14 + 5 tokens, 4 times.
    expect(judge.score(judged(p, [s1])).cost).toMatchObject({ generated: 76, proposerCalls: 4 });
  });
});

const options: SimulatedEngineOptions = {
  skill: 0.7,
  slipRate: 0.05,
  judge: 'simulated-prm',
  prmNoise: 0,
  rolloutK: 4,
};

function score(
  judge: StepJudge<WordProblemState, WordProblem>,
  ctx: JudgeContext<WordProblemState, WordProblem>,
): number {
  const j = judge.score(ctx);
  if ('then' in j) throw new Error('the simulated judge answers at once');
  return j.score;
}
