import type { JudgeContext, Proposal, ProposedStep, ProposerContext, Rollout } from '../../engine';
import type { Rng } from '../../rng';
import type { Cost } from '../../tree/events';
import { countTokens } from '../countTokens';
import type { SimulatedPolicy, SimulatedTruth } from '../entry';
import type { Move } from './moves';
import { legalMoves } from './moves';
import type { Rational } from './rational';
import { rat } from './rational';
import { canReach24 } from './solver';
import type { Game24Problem, Game24State } from './state';
import { formatStep } from './step';
import { game24Task } from './task';

/** A move as the simulated model wrote it: maybe with a slip, and the numbers it now believes. */
interface DrawnStep {
  step: ProposedStep;
  numbers: Rational[];
}

/** The result off by one: the kind of slip a small model makes. */
function slip(result: Rational, rng: Rng): Rational {
  const delta = rng.next() < 0.5 ? -1 : 1;
  return rat(result.n + delta * result.d, result.d);
}

/**
 * Draws up to `n` distinct moves from a state the way a small model samples: each draw takes,
 * with probability `skill`, a move that keeps the puzzle solvable (when one is left), and
 * otherwise any legal move; then, with probability `slipRate`, writes a wrong result. The
 * reported log-probability is that of the draw under this mixture.
 */
function drawSteps(
  numbers: readonly Rational[],
  n: number,
  policy: SimulatedPolicy,
  rng: Rng,
): DrawnStep[] {
  const all = legalMoves(numbers);
  const good = all.filter((m) => canReach24(m.left));
  const remainingAll = [...all];
  const remainingGood = [...good];
  const drawn: DrawnStep[] = [];
  const seen = new Set<string>();
  for (
    let attempt = 0;
    drawn.length < n && remainingAll.length > 0 && attempt < 4 * n + 8;
    attempt++
  ) {
    const fromGood = remainingGood.length > 0 && rng.next() < policy.skill;
    const pool = fromGood ? remainingGood : remainingAll;
    const move = pool[rng.int(pool.length)] as Move;
    remainingAll.splice(remainingAll.indexOf(move), 1);
    const gi = remainingGood.indexOf(move);
    if (gi >= 0) remainingGood.splice(gi, 1);

    const isGood = good.includes(move);
    const pMove =
      (isGood ? policy.skill / Math.max(1, good.length) : 0) +
      (1 - (good.length > 0 ? policy.skill : 0)) / all.length;
    const slipped = rng.next() < policy.slipRate;
    const result = slipped ? slip(move.result, rng) : move.result;
    const left = slipped ? [...move.left.slice(0, -1), result] : move.left;
    const text = formatStep(move.a, move.op, move.b, result, left);
    if (seen.has(text)) continue;
    seen.add(text);
    const logProb = Math.log(pMove) + Math.log(slipped ? policy.slipRate : 1 - policy.slipRate);
    drawn.push({ step: { text, tokens: countTokens(text), logProb }, numbers: left });
  }
  return drawn;
}

/** What the model reads before writing: the problem and the steps so far. */
function promptTokens(problem: Game24Problem, steps: readonly string[]): number {
  return countTokens(game24Task.describe(problem)) + steps.reduce((t, s) => t + countTokens(s), 0);
}

/** One proposer call: it reads the prompt once and writes the steps. */
function callCost(
  ctx: ProposerContext<Game24State, Game24Problem>,
  steps: readonly ProposedStep[],
): Cost {
  return {
    generated: steps.reduce((t, s) => t + s.tokens, 0),
    prefilled: promptTokens(ctx.problem, ctx.steps),
    proposerCalls: 1,
    judgeCalls: 0,
  };
}

/**
 * The exact truth about a step: it is valid and the puzzle can still be solved from the
 * state it leads to (a solved state counts as solvable, a wrong final number does not).
 */
export function stepTruth(ctx: JudgeContext<Game24State, Game24Problem>): {
  valid: boolean;
  solvable: boolean;
} {
  if (ctx.state === null) return { valid: false, solvable: false };
  return { valid: true, solvable: canReach24(ctx.state.numbers) };
}

/**
 * The simulated model for Game of 24: mostly sensible steps, sometimes a poor choice,
 * sometimes an arithmetic slip, with a token count per step so that compute is counted as it
 * would be for a real model. A rollout judge's completion may take 4 steps. Deterministic for
 * a given `Rng`. Not a language model — the UI labels everything it writes as simulated.
 */
export const game24SimulatedTruth: SimulatedTruth<Game24State, Game24Problem> = {
  propose(ctx, n, policy): Proposal {
    const steps = drawSteps(ctx.state.numbers, n, policy, ctx.rng).map((d) => d.step);
    return { steps, cost: callCost(ctx, steps) };
  },
  rollout(ctx, maxSteps, policy): Rollout {
    const steps: ProposedStep[] = [];
    let numbers: readonly Rational[] = ctx.state.numbers;
    while (numbers.length > 1 && steps.length < maxSteps) {
      const [next] = drawSteps(numbers, 1, policy, ctx.rng);
      if (!next) break;
      steps.push(next.step);
      numbers = next.numbers;
    }
    return { steps, cost: callCost(ctx, steps) };
  },
  rolloutSteps: () => 4,
  prmTruth: (ctx) => {
    const { valid, solvable } = stepTruth(ctx);
    return valid && solvable ? 1 : 0;
  },
  prmRng: (ctx) => ctx.rng,
};
