/**
 * The server judges: the self-judge (the model asked whether the last step is correct, the
 * shared-backbone PRM of MetaStone-S1) and rollout value (Math-Shepherd, Wang et al. 2024),
 * its k completions in flight together.
 */
import type { JudgeContext, Judgement, StepJudge } from '../../core/engine';
import type { Outcome, Problem, Task } from '../../core/tasks/task';
import type { Cost } from '../../core/tree/events';
import { majority, replayLine } from '../../core/tasks/replayLine';
import { yesNo } from '../webllm/logprobs';
import { fnv1a, requestSeed } from '../webllm/seeds';
import type { ReplySource } from './client';
import { ServerLogprobsError } from './errors';
import type { FamilyAdapter } from './families';
import type { Layout } from './prompts';
import type { ServerProposer } from './proposer';
import { addCosts, requestCost } from './proposer';
import type { GenerationRequest } from './wire';

const NO_REQUEST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 1 };

/** Alternatives the self-judge reads at its one answer token. */
export const JUDGE_TOP_LOGPROBS = 5;

/** The self-judge's request for the last of `steps`. */
export function selfJudgeRequest<P>(
  layout: Layout<P>,
  adapter: FamilyAdapter,
  problem: P,
  steps: readonly string[],
  runSeed: number,
): GenerationRequest {
  const l = layout.judge(problem, steps);
  return {
    route: 'prompt' in l ? 'completions' : 'chat',
    ...l,
    maxTokens: 1,
    // vLLM's log-probabilities come before temperature: greedy is fine. Elsewhere they follow
    // the sampler, and at temperature 0 they would say nothing about the model's doubt.
    temperature: adapter.logprobsBeforeTemperature ? 0 : 1,
    seed: requestSeed(runSeed, 'judge', steps, 0),
    topLogprobs: JUDGE_TOP_LOGPROBS,
    stop: [],
    n: 1,
    stream: false,
  };
}

/**
 * score = p(Yes) / (p(Yes) + p(No)) over the first token's top alternatives (0.5 when neither
 * is among them); an invalid step scores 0 without a request.
 * @throws ServerLogprobsError when the reply has no top log-probabilities
 */
export function createServerSelfJudge<S, P>(
  source: ReplySource,
  layout: Layout<P>,
  adapter: FamilyAdapter,
  runSeed: number,
): StepJudge<S, P> {
  return {
    kind: 'self',
    label: 'Self-judge: p(Yes) that the step is correct',
    async score(ctx: JudgeContext<S, P>): Promise<Judgement> {
      if (ctx.state === null) {
        return { score: 0, evidence: { judge: 'self', pYes: 0, pNo: 0 }, cost: NO_REQUEST };
      }
      const result = await source.generate(
        selfJudgeRequest(layout, adapter, ctx.problem, ctx.steps, runSeed),
        ctx.signal ? { signal: ctx.signal } : {},
      );
      const top = result.choices[0]?.firstTop ?? [];
      if (top.length === 0) throw new ServerLogprobsError('the judge answer');
      const { pYes, pNo, score } = yesNo(top);
      return {
        score,
        evidence: { judge: 'self', pYes: Math.min(1, pYes), pNo: Math.min(1, pNo) },
        cost: requestCost(result, 'judge'),
      };
    },
  };
}

/**
 * Rollout value: k completions from the step, in flight together; score = reached / k, read
 * as web-llm's rollout judge reads it (reaching 24, or agreeing with the majority answer for
 * word problems). The i-th completion from a path uses sample index i of its own seed stream,
 * so judging the same path twice (best-of-N samples sharing a first step, judged at once)
 * asks the same requests and gets the same score, whatever order the judgings run in.
 */
export function createServerRolloutJudge<S, P extends Problem>(
  proposer: ServerProposer<S, P>,
  task: Task<S, P>,
  k: number,
  maxSteps: (state: S) => number,
  runSeed: number,
): StepJudge<S, P> {
  const judgeSeed = fnv1a(`${runSeed}\u0000rollout-judge`) & 0x7fffffff;
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
      const from = own
        ? { state: ctx.parentState, steps: ctx.steps.slice(0, -1) }
        : { state: ctx.state, steps: ctx.steps };
      const rollouts = await Promise.all(
        Array.from({ length: k }, (_, i) =>
          proposer.rolloutAt(
            {
              problem: ctx.problem,
              state: from.state,
              steps: from.steps,
              rng: ctx.rng,
              ...(ctx.signal ? { signal: ctx.signal } : {}),
            },
            maxSteps(from.state),
            judgeSeed,
            i,
          ),
        ),
      );
      const cost = rollouts.reduce((c, r) => addCosts(c, r.cost), NO_REQUEST);
      const outcomes: (Outcome | null)[] = rollouts.map((r) =>
        replayLine(task, ctx.problem, from.state, r.steps),
      );
      if (task.selfVerifying) return judged(outcomes.filter((o) => o?.correct).length, cost);
      const answers = outcomes.map((o) => (o && o.kind !== 'invalid-step' ? o.answer : null));
      if (own) return judged(answers.filter((a) => a === own.answer).length, cost);
      return judged(majority(answers).votes, cost);
    },
  };
}
