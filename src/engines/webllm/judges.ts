/**
 * The web-llm judges: the same model asked whether the last step is correct (a self-judging
 * PRM, the shared-backbone idea of MetaStone-S1), and rollout value (Math-Shepherd, Wang et al.
 * 2024) from the model's own completions.
 */
import type { JudgeContext, Judgement, StepJudge, StepProposer } from '../../core/engine';
import { majority, replayLine } from '../../core/tasks/replayLine';
import type { Outcome, Problem, Task } from '../../core/tasks/task';
import type { Cost } from '../../core/tree/events';
import type { TaskPrompts } from './conversation';
import { judgeRequest } from './conversation';
import { judgeFromCompletion, MissingLogprobsError } from './logprobs';
import type { RequestRunner } from './requests';
import { NEUTRAL_SAMPLING } from './sampling';
import { requestSeed } from './seeds';

/** Cost of a judge call that made no model request. */
const NO_REQUEST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 };

/**
 * The self-judge asks for one token after the judge turn with `top_logprobs` 5, and reads
 * p(Yes) and p(No) from it: score = pYes / (pYes + pNo), 0.5 when neither is among the top 5
 * (the evidence then shows both as 0). It samples at temperature 1: web-llm computes the
 * log-probabilities after temperature scaling, and at temperature 0 (floored to 1e-6) they
 * would be 0 and −∞, a yes/no with no confidence in it. It sends top-p 1 and no penalties
 * whatever the run samples steps with: web-llm would otherwise take them from the model's
 * config (sampling.ts), and the penalties would act on the reading (top-p does not: the
 * log-probabilities are read before it). The sampled token is not used. An invalid step scores
 * 0 without a request.
 * @throws MissingLogprobsError (wrapped by nothing: a setup error) when web-llm returns none
 */
export function createSelfJudge<S, P>(
  runner: RequestRunner,
  prompts: TaskPrompts<P>,
  settings: { delimiter: string; seed: number },
): StepJudge<S, P> {
  return {
    kind: 'self',
    label: 'Self-judge: p(Yes) that the step is correct',
    async score(ctx: JudgeContext<S, P>): Promise<Judgement> {
      if (ctx.state === null) {
        return { score: 0, evidence: { judge: 'self', pYes: 0, pNo: 0 }, cost: NO_REQUEST };
      }
      const reply = await runner.complete(
        judgeRequest(prompts, ctx.problem, ctx.steps, settings.delimiter),
        {
          maxTokens: 1,
          temperature: 1,
          sampling: NEUTRAL_SAMPLING,
          seed: requestSeed(settings.seed, 'judge', ctx.steps, 0),
          topLogprobs: 5,
        },
        { what: 'judging a step', signal: ctx.signal },
      );
      if (!reply.completion) throw new MissingLogprobsError();
      const { pYes, pNo, score } = judgeFromCompletion(reply.completion);
      return {
        score,
        evidence: { judge: 'self', pYes, pNo },
        cost: {
          generated: reply.usage.generated,
          prefilled: reply.usage.prefilled,
          proposerCalls: 0,
          judgeCalls: 1,
        },
      };
    },
  };
}

/**
 * Rollout value: k completions by the proposer (`proposer.rollout`, which writes each one step
 * by step: the first completion's first request extends the conversation the judged step
 * left in the KV cache, and every later step extends the one before it); score = reached / k.
 * - A task that checks its own answers (Game of 24): `reached` counts the completions whose
 *   steps, replayed through the task from the step, end solved. A step that already ends the
 *   line needs no completions: reached = k if solved, else 0.
 * - A task whose answer is hidden (word problems): `reached` counts the completions agreeing
 *   with the majority final answer among the k (self-consistency, Wang et al. 2023); a
 *   completion with an invalid step or no answer agrees with nothing. A step that already
 *   states its answer is scored by k completions from its parent: reached counts those that
 *   reach the same answer.
 * An invalid step scores 0 without completions.
 */
export function createRolloutJudge<S, P extends Problem>(
  proposer: StepProposer<S, P>,
  task: Task<S, P>,
  k: number,
  maxSteps: (state: S) => number,
): StepJudge<S, P> {
  return {
    kind: 'rollout',
    label: `Rollout value (k = ${k})`,
    async score(ctx: JudgeContext<S, P>): Promise<Judgement> {
      const judged = (reached: number, cost: Cost): Judgement => ({
        score: k > 0 ? reached / k : 0,
        evidence: { judge: 'rollout', k, reached },
        cost,
      });
      if (ctx.state === null) return judged(0, NO_REQUEST);
      const own = task.outcome(ctx.state, ctx.problem);
      if (own && task.selfVerifying) return judged(own.correct ? k : 0, NO_REQUEST);
      // Roll out from the step, or from its parent when the step already states an answer.
      const from = own
        ? { state: ctx.parentState, steps: ctx.steps.slice(0, -1) }
        : { state: ctx.state, steps: ctx.steps };
      let cost: Cost = { ...NO_REQUEST };
      const outcomes: (Outcome | null)[] = [];
      for (let i = 0; i < k; i++) {
        const rollout = await proposer.rollout(
          {
            problem: ctx.problem,
            state: from.state,
            steps: from.steps,
            rng: ctx.rng,
            ...signalOf(ctx),
          },
          maxSteps(from.state),
        );
        cost = {
          generated: cost.generated + rollout.cost.generated,
          prefilled: cost.prefilled + rollout.cost.prefilled,
          proposerCalls: cost.proposerCalls + rollout.cost.proposerCalls,
          judgeCalls: cost.judgeCalls + rollout.cost.judgeCalls,
        };
        outcomes.push(replayLine(task, ctx.problem, from.state, rollout.steps));
      }
      if (task.selfVerifying) return judged(outcomes.filter((o) => o?.correct).length, cost);
      const answers = outcomes.map((o) => (o && o.kind !== 'invalid-step' ? o.answer : null));
      if (own) return judged(answers.filter((a) => a === own.answer).length, cost);
      return judged(majority(answers).votes, cost);
    },
  };
}

function signalOf<S, P>(ctx: JudgeContext<S, P>): { signal?: AbortSignal } {
  return ctx.signal ? { signal: ctx.signal } : {};
}
