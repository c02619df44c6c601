import type {
  JudgeContext,
  Proposal,
  ProposedStep,
  ProposerContext,
  Rollout,
} from '../../../engine';
import type { Rng } from '../../../rng';
import type { Cost } from '../../../tree/events';
import { countTokens } from '../../countTokens';
import type { SimulatedPolicy, SimulatedTruth } from '../../entry';
import { answersMatch, extractFinalAnswer } from '../answer';
import { wordProblemTask } from '../task';
import type { WordProblem, WordProblemState } from '../types';
import type { ProblemPlan, WrittenStep } from './line';
import { answerStep, believedAnswer, lineValues, parseEquation, planOf, renderStep } from './line';
import { WRONG_WEIGHTS, slipStep, wrongSteps } from './mistakes';

type WordContext = ProposerContext<WordProblemState, WordProblem>;

/** A step the model may write next, with the chance that one draw picks it. */
interface Option {
  step: WrittenStep;
  weight: number;
  /** Whether it has an equation whose result can slip (the final answer has none). */
  canSlip: boolean;
}

/**
 * The next steps open to the model after `steps`: the reference step k (k = steps so far)
 * written with the line's own earlier results (weight `skill`), and the step's wrong steps
 * sharing the rest by {@link WRONG_WEIGHTS}. Empty when the line is as long as the reference.
 */
function optionsAfter(plan: ProblemPlan, steps: readonly string[], skill: number): Option[] {
  const position = steps.length;
  const last = plan.templates.length - 1;
  const template = plan.templates[position];
  if (!template) return [];
  const values = lineValues(plan, steps);
  const faithful =
    position === last
      ? answerStep(plan, believedAnswer(plan, values))
      : renderStep(template, values);
  if (!faithful) return [];
  const wrong = wrongSteps(plan, position, values);
  const canSlip = position < last;
  if (wrong.length === 0) return [{ step: faithful, weight: 1, canSlip }];
  const total = WRONG_WEIGHTS.slice(0, wrong.length).reduce((a, b) => a + b, 0);
  return [
    { step: faithful, weight: skill, canSlip },
    ...wrong.map((step, i) => ({
      step,
      weight: ((1 - skill) * (WRONG_WEIGHTS[i] ?? 0)) / total,
      canSlip,
    })),
  ].filter((o) => o.weight > 0);
}

/** Draws one option by weight. */
function pick(options: readonly Option[], rng: Rng): number {
  const total = options.reduce((t, o) => t + o.weight, 0);
  let u = rng.next() * total;
  for (const [i, o] of options.entries()) {
    u -= o.weight;
    if (u < 0) return i;
  }
  return options.length - 1;
}

/**
 * Up to `n` distinct next steps: `n` samples by weight, each step with an equation slipping
 * with probability `slipRate`, repeats dropped — as `n` samples from a model at temperature
 * would be, so a confident model offers fewer distinct steps. The log-probability is that of
 * one sample.
 */
function drawSteps(
  plan: ProblemPlan,
  steps: readonly string[],
  n: number,
  policy: SimulatedPolicy,
  rng: Rng,
): ProposedStep[] {
  const options = optionsAfter(plan, steps, policy.skill);
  const out: ProposedStep[] = [];
  for (let draw = 0; draw < n && options.length > 0; draw++) {
    const option = options[pick(options, rng)];
    if (!option) break;
    const slipped = option.canSlip && rng.next() < policy.slipRate;
    const text = (slipped ? slipStep(option.step, rng) : null)?.text ?? option.step.text;
    if (out.some((s) => s.text === text)) continue;
    const slipP = option.canSlip ? (slipped ? policy.slipRate : 1 - policy.slipRate) : 1;
    out.push({ text, tokens: countTokens(text), logProb: Math.log(option.weight * slipP) });
  }
  return out;
}

/**
 * The call's randomness: a stream forked from `ctx.rng` with the problem's id. Every bundled
 * problem offers its options in the same shape (the reference step first), so without the
 * fork the runs of one seed would make the same choices on every problem, and a seed's
 * accuracy over a problem set would move all at once. Still all from `ctx.rng`, deterministic.
 */
export function ownRng(ctx: { problem: WordProblem; rng: Rng }): Rng {
  return ctx.rng.fork(ctx.problem.id);
}

/** One proposer call: it reads the question and the steps so far once, and writes. */
function callCost(ctx: WordContext, written: readonly ProposedStep[]): Cost {
  const prefilled =
    countTokens(wordProblemTask.describe(ctx.problem)) +
    ctx.state.steps.reduce((t, s) => t + countTokens(s), 0);
  return {
    generated: written.reduce((t, s) => t + s.tokens, 0),
    prefilled,
    proposerCalls: 1,
    judgeCalls: 0,
  };
}

/**
 * The truth a simulated PRM blurs: 1 when the step is valid and the line so far is still on
 * a correct path — every result it wrote equals the reference solution's result at the same
 * step, and a final step states the correct answer — else 0. (The line's own arithmetic
 * can be right while its reasoning is wrong; only this, not the rule check, sees that.)
 */
export function wordStepTruth(ctx: JudgeContext<WordProblemState, WordProblem>): 0 | 1 {
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

/**
 * The simulated model for the bundled word problems: it follows the problem's reference
 * solution step by step with probability `skill` per step, otherwise writes a plausible wrong
 * step (valid arithmetic, wrong reasoning) and carries it to a wrong answer; with `slipRate`
 * a step's result is off (the task rejects it). Lines end with "The answer is N.". A rollout
 * judge's completion may take as many steps as the reference has left (at least one).
 * Deterministic for a given `Rng`; not a language model (the UI labels it simulated).
 */
export const wordSimulatedTruth: SimulatedTruth<WordProblemState, WordProblem> = {
  propose(ctx: WordContext, n: number, policy: SimulatedPolicy): Proposal {
    const steps = drawSteps(planOf(ctx.problem), ctx.state.steps, n, policy, ownRng(ctx));
    return { steps, cost: callCost(ctx, steps) };
  },
  rollout(ctx: WordContext, maxSteps: number, policy: SimulatedPolicy): Rollout {
    const plan = planOf(ctx.problem);
    const line = [...ctx.state.steps];
    const steps: ProposedStep[] = [];
    const rng = ownRng(ctx);
    while (steps.length < maxSteps) {
      const [next] = drawSteps(plan, line, 1, policy, rng);
      if (!next) break;
      steps.push(next);
      line.push(next.text);
    }
    return { steps, cost: callCost(ctx, steps) };
  },
  rolloutSteps: (state, problem) => Math.max(1, problem.steps.length - state.steps.length),
  prmTruth: wordStepTruth,
  prmRng: ownRng,
};
