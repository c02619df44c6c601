import type {
  JudgeContext,
  Judgement,
  Proposal,
  ProposerContext,
  Rollout,
  StepJudge,
  StepProposer,
} from '../../core/engine';
import { countTokens } from '../../core/tasks/countTokens';
import type { MaybePromise } from '../../core/search/program';
import { isPromiseLike } from '../../core/search/program';
import type { SimulatedTruth } from '../../core/tasks/entry';
import { majority, replayLine } from '../../core/tasks/replayLine';
import type { Outcome, Problem, Task } from '../../core/tasks/task';
import type { Cost } from '../../core/tree/events';
import { addCost } from '../../core/tree/events';

/** The simulated proposer: it answers at once, never with a promise. */
export interface SimulatedProposer<S, P> extends StepProposer<S, P> {
  propose(ctx: ProposerContext<S, P>, n: number): Proposal;
  rollout(ctx: ProposerContext<S, P>, maxSteps: number): Rollout;
}

/** A simulated judge: it answers at once, never with a promise. */
export interface SimulatedJudge<S, P> extends StepJudge<S, P> {
  score(ctx: JudgeContext<S, P>): Judgement;
}

/** A judge call that made no request to a model. */
const JUDGE_CALL: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 };

/** What a judge call reads and writes, counted like a model's PRM call (one output token). */
function judgeCost<S, P extends Problem>(task: Task<S, P>, ctx: JudgeContext<S, P>): Cost {
  const prompt =
    countTokens(task.describe(ctx.problem)) + ctx.steps.reduce((t, s) => t + countTokens(s), 0);
  return { generated: 1, prefilled: prompt, proposerCalls: 0, judgeCalls: 1 };
}

/**
 * A simulated PRM: the task's truth about the step blurred by a noise level. With
 * probability `noise` the PRM guesses (a uniform score); otherwise it leans the right way (a
 * good step scores in [0.75, 1], a bad one in [0, 0.25]). Noise 0 ranks exactly (MetaStone-S1's
 * PRM-scored best-of-k, arXiv 2507.01951, at its best); noise 1 is a coin.
 */
export function createSimulatedPrm<S, P extends Problem>(
  task: Task<S, P>,
  truth: SimulatedTruth<S, P>,
  noise: number,
): SimulatedJudge<S, P> {
  return {
    kind: 'simulated-prm',
    label: `Simulated PRM (noise ${noise})`,
    score(ctx): Judgement {
      const good = truth.prmTruth(ctx);
      const rng = truth.prmRng(ctx);
      const guess = rng.next() < noise;
      const u = rng.next();
      const score = guess ? u : good === 1 ? 0.75 + 0.25 * u : 0.25 * u;
      return {
        score,
        evidence: { judge: 'simulated-prm', truth: good, noise },
        cost: judgeCost(task, ctx),
      };
    },
  };
}

/**
 * Rollout value (Math-Shepherd, Wang et al. 2024): k completions by the proposer, score =
 * reached / k. Where the task checks its own answers (Game of 24), `reached` counts the
 * completions from the step that end solved. Where the answer is hidden (word problems), it
 * counts those agreeing with the majority answer among the k (self-consistency, Wang et al.
 * 2023), and a step that already states its answer is scored by k completions from its
 * parent that reach the same answer. An invalid step scores 0 without completions.
 */
export function createRolloutJudge<S, P extends Problem>(
  task: Task<S, P>,
  proposer: SimulatedProposer<S, P>,
  truth: SimulatedTruth<S, P>,
  k: number,
): SimulatedJudge<S, P>;
export function createRolloutJudge<S, P extends Problem>(
  task: Task<S, P>,
  proposer: StepProposer<S, P>,
  truth: SimulatedTruth<S, P>,
  k: number,
): StepJudge<S, P>;
export function createRolloutJudge<S, P extends Problem>(
  task: Task<S, P>,
  proposer: StepProposer<S, P>,
  truth: SimulatedTruth<S, P>,
  k: number,
): StepJudge<S, P> {
  return {
    kind: 'rollout',
    label: `Rollout value (k = ${k})`,
    score(ctx): MaybePromise<Judgement> {
      let cost: Cost = JUDGE_CALL;
      const judged = (reached: number): Judgement => ({
        score: k > 0 ? reached / k : 0,
        evidence: { judge: 'rollout', k, reached },
        cost,
      });
      if (ctx.state === null) return judged(0);
      const own = task.outcome(ctx.state, ctx.problem);
      const fromParent = own !== null && !task.selfVerifying;
      const state = fromParent ? ctx.parentState : ctx.state;
      const steps = fromParent ? ctx.steps.slice(0, -1) : ctx.steps;
      const outcomes: (Outcome | null)[] = [];
      const tally = (rollout: Rollout): void => {
        cost = addCost(cost, rollout.cost);
        outcomes.push(replayLine(task, ctx.problem, state, rollout.steps));
      };
      const verdict = (): Judgement => {
        if (task.selfVerifying) return judged(outcomes.filter((o) => o?.correct).length);
        const answers = outcomes.map((o) => (o && o.kind !== 'invalid-step' ? o.answer : null));
        if (own) return judged(answers.filter((a) => a === own.answer).length);
        return judged(majority(answers).votes);
      };
      // Answers at once with a synchronous proposer; chains promises with an async one.
      const from = (i: number): MaybePromise<Judgement> => {
        for (; i < k; i++) {
          const maxSteps = truth.rolloutSteps(state, ctx.problem);
          const rollout = proposer.rollout(
            { problem: ctx.problem, state, steps, rng: ctx.rng },
            maxSteps,
          );
          if (isPromiseLike(rollout)) {
            const next = i + 1;
            return Promise.resolve(rollout).then((r) => {
              tally(r);
              return from(next);
            });
          }
          tally(rollout);
        }
        return verdict();
      };
      return from(0);
    },
  };
}
