import type { Cost } from '../../core/tree/events';
import { addCost } from '../../core/tree/events';
import type { WordProblem, WordProblemState } from '../../core/tasks/wordProblems';
import { answersMatch, extractFinalAnswer, wordProblemTask } from '../../core/tasks/wordProblems';
import type { Outcome } from '../../core/tasks/task';
import type { JudgeContext, Judgement, StepJudge } from '../types';
import { countTokens } from './tokens';
import { parseEquation, planOf } from './wordLine';
import type { WordProposer } from './wordProposer';
import { ownRng } from './wordProposer';

type WordJudgeContext = JudgeContext<WordProblemState, WordProblem>;

/** A simulated word-problem judge: it answers at once (never with a promise). */
export interface WordJudge extends StepJudge<WordProblemState, WordProblem> {
  score(ctx: WordJudgeContext): Judgement;
}

/**
 * The truth a simulated PRM blurs: 1 when the step is valid and the line so far is still on
 * a correct path — every result it wrote equals the reference solution's result at the same
 * step, and a final step states the correct answer — else 0. (The line's own arithmetic
 * can be right while its reasoning is wrong; only this, not the rule check, sees that.)
 */
export function wordStepTruth(ctx: WordJudgeContext): 0 | 1 {
  if (ctx.state === null) return 0;
  const { templates } = planOf(ctx.problem);
  const steps = ctx.state.steps;
  if (steps.length > templates.length) return 0;
  for (const [k, text] of steps.entries()) {
    const ref = templates[k];
    if (!ref) return 0;
    if (text === ref.text) continue;
    if (k === templates.length - 1) {
      const found = extractFinalAnswer(text);
      if (!found || !answersMatch(found.value, ctx.problem.answer)) return 0;
      continue;
    }
    const own = parseEquation(text);
    if (!ref.equation || !own || !answersMatch(own.result, ref.equation.result)) return 0;
  }
  return 1;
}

/** What a judge call reads and writes, counted like a model's PRM call (one output token). */
function judgeCost(ctx: WordJudgeContext): Cost {
  const prompt =
    countTokens(wordProblemTask.describe(ctx.problem)) +
    ctx.steps.reduce((t, s) => t + countTokens(s), 0);
  return { generated: 1, prefilled: prompt, proposerCalls: 0, judgeCalls: 1 };
}

/**
 * The rule verifier of the word problems: the task's arithmetic check, nothing more. 1 for a
 * step whose equations are right, 0 for one the task rejected. It cannot know that valid
 * arithmetic answers the wrong question, so `solvable` only repeats `valid`.
 */
export function createWordRuleJudge(): WordJudge {
  return {
    kind: 'rule',
    label: 'Rule verifier (arithmetic only)',
    score(ctx): Judgement {
      const valid = ctx.state !== null;
      return {
        score: valid ? 1 : 0,
        evidence: { judge: 'rule', valid, solvable: valid },
        cost: { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 },
      };
    },
  };
}

/**
 * A simulated PRM, as for Game of 24: with probability `noise` a uniform guess; otherwise a
 * step on a correct path ({@link wordStepTruth}) scores in [0.75, 1] and any other in
 * [0, 0.25]. Noise 0 ranks exactly (MetaStone-S1's PRM-scored best-of-k, arXiv 2507.01951,
 * at its best); noise 1 is a coin.
 */
export function createWordPrm(noise: number): WordJudge {
  return {
    kind: 'simulated-prm',
    label: `Simulated PRM (noise ${noise})`,
    score(ctx): Judgement {
      const truth = wordStepTruth(ctx);
      const rng = ownRng(ctx);
      const guess = rng.next() < noise;
      const u = rng.next();
      const score = guess ? u : truth === 1 ? 0.75 + 0.25 * u : 0.25 * u;
      return { score, evidence: { judge: 'simulated-prm', truth, noise }, cost: judgeCost(ctx) };
    },
  };
}

/** Where steps lead from a state: the outcome of the first step that ends the line. */
function replay(
  problem: WordProblem,
  from: WordProblemState,
  steps: readonly { text: string }[],
): Outcome | null {
  let state = from;
  for (const step of steps) {
    const check = wordProblemTask.applyStep(state, step.text, problem);
    if (!check.valid) return null;
    state = check.state;
    const outcome = wordProblemTask.outcome(state, problem);
    if (outcome) return outcome;
  }
  return null;
}

/**
 * Rollout value with the answer hidden, as the web-llm engine scores word problems
 * (self-consistency, Wang et al. 2023): k completions from the step; `reached` counts those
 * agreeing with the majority final answer among them (ties: the answer reached first); a
 * completion with an invalid step or no answer agrees with nothing. A step that states its
 * answer is scored by k completions from its parent: reached counts those reaching the same
 * answer. An invalid step scores 0 without completions.
 */
export function createWordRolloutJudge(proposer: WordProposer, k: number): WordJudge {
  return {
    kind: 'rollout',
    label: `Rollout value (k = ${k})`,
    score(ctx): Judgement {
      let cost: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 };
      const judged = (reached: number): Judgement => ({
        score: k > 0 ? reached / k : 0,
        evidence: { judge: 'rollout', k, reached },
        cost,
      });
      if (ctx.state === null) return judged(0);
      const own = wordProblemTask.outcome(ctx.state, ctx.problem);
      const from = own ? ctx.parentState : ctx.state;
      const steps = own ? ctx.steps.slice(0, -1) : ctx.steps;
      const counts = new Map<string, number>();
      let votes = 0;
      for (let i = 0; i < k; i++) {
        const maxSteps = Math.max(1, ctx.problem.steps.length - from.steps.length);
        const rollout = proposer.rollout(
          { problem: ctx.problem, state: from, steps, rng: ctx.rng },
          maxSteps,
        );
        cost = addCost(cost, rollout.cost);
        const outcome = replay(ctx.problem, from, rollout.steps);
        if (!outcome) continue;
        const c = (counts.get(outcome.answer) ?? 0) + 1;
        counts.set(outcome.answer, c);
        votes = Math.max(votes, c);
      }
      return judged(own ? (counts.get(own.answer) ?? 0) : votes);
    },
  };
}
