/**
 * The server step proposer. A step is one request that stops at the delimiter; the k children
 * of an expansion are one request with `n` where the family has it, else k requests in flight
 * together. A rollout writes its steps one request each, each prompt extending the last (so the
 * server's prefix cache serves it). Every request's seed comes from the run seed, the path and
 * the sample's index (engines/webllm/seeds.ts), so a reply depends on what is asked, never on
 * when: a run is the same at any concurrency.
 */
import type {
  Proposal,
  ProposedStep,
  ProposerContext,
  Rollout,
  StepProposer,
} from '../../core/engine';
import type { Problem, Task } from '../../core/tasks/task';
import { cutStep } from '../../core/tasks/wordProblems/cutStep';
import type { Cost } from '../../core/tree/events';
import { rolloutStepSeed } from '../webllm/proposer';
import { SampleCounter, requestSeed } from '../webllm/seeds';
import type { ReplySource } from './client';
import { ServerLogprobsError } from './errors';
import type { Layout } from './prompts';
import type { ChoiceReply, GenerationRequest, GenerationResult } from './wire';

/** A step being written: its text so far, or null when it is done. */
export type ServerDraftSink = (draft: {
  id: number;
  parentSteps: readonly string[];
  text: string | null;
}) => void;

/** How the proposer samples. */
export interface ServerProposerOptions {
  label: string;
  temperature: number;
  maxStepTokens: number;
  delimiter: string;
  /** The run seed. */
  seed: number;
  /** Whether one request may ask for `n` choices (the family's `multipleChoices`). */
  multipleChoices: boolean;
}

/** Each call asks for at most this many choices per step wanted, duplicates counted. */
export const ATTEMPTS_PER_STEP = 2;

/** The server proposer, with rollouts at a chosen sample index (for the rollout judge). */
export interface ServerProposer<S, P> extends StepProposer<S, P> {
  /** A rollout whose seeds come from `runSeed` and `index` instead of the call count. */
  rolloutAt(
    ctx: ProposerContext<S, P>,
    maxSteps: number,
    runSeed: number,
    index: number,
  ): Promise<Rollout>;
}

const NO_COST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 0 };

/** Tokens a choice generated: its log-probability entries, else the reported count. */
export function choiceTokens(choice: ChoiceReply, result: GenerationResult): number {
  if (choice.logprobs.length > 0) return choice.logprobs.length;
  const per = (result.usage.completion ?? 0) / Math.max(1, result.choices.length);
  return Math.max(1, Math.round(per));
}

/** A request's cost: the prompt as the server counted it, and every choice's tokens. */
export function requestCost(result: GenerationResult, calls: 'proposer' | 'judge'): Cost {
  const generated = result.choices.reduce((t, c) => t + choiceTokens(c, result), 0);
  return {
    generated,
    prefilled: result.usage.prompt ?? 0,
    proposerCalls: calls === 'proposer' ? 1 : 0,
    judgeCalls: calls === 'judge' ? 1 : 0,
  };
}

export function addCosts(a: Cost, b: Cost): Cost {
  return {
    generated: a.generated + b.generated,
    prefilled: a.prefilled + b.prefilled,
    proposerCalls: a.proposerCalls + b.proposerCalls,
    judgeCalls: a.judgeCalls + b.judgeCalls,
  };
}

/**
 * The step a choice wrote: cut at the delimiter and trimmed; `logProb` the sampled tokens'
 * mean log-probability times the tokens (so `stepPriors`, which divides by tokens, is
 * length-normalised). Note vLLM's log-probabilities are the model's own, before temperature.
 * @throws ServerLogprobsError when the choice carries none
 */
export function stepOf(
  choice: ChoiceReply,
  result: GenerationResult,
  delimiter: string,
): ProposedStep {
  const text = cutStep(choice.text, delimiter, choice.text.length).step;
  const finite = choice.logprobs.filter((x) => Number.isFinite(x));
  if (finite.length === 0) throw new ServerLogprobsError('a step');
  const tokens = Math.max(1, choiceTokens(choice, result));
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  return { text, tokens, logProb: Math.min(0, mean * tokens) };
}

export function createServerProposer<S, P extends Problem>(
  source: ReplySource,
  layout: Layout<P>,
  task: Pick<Task<S, P>, 'applyStep' | 'outcome'>,
  options: ServerProposerOptions,
  drafts: () => ServerDraftSink | undefined,
): ServerProposer<S, P> {
  const { delimiter, maxStepTokens, temperature, seed } = options;
  const stop = delimiter === '' ? [] : [delimiter];
  const counter = new SampleCounter();
  let draftIds = 0;

  function request(problem: P, path: readonly string[], s: number, n: number): GenerationRequest {
    const l = layout.step(problem, path);
    return {
      route: 'prompt' in l ? 'completions' : 'chat',
      ...l,
      maxTokens: maxStepTokens,
      temperature,
      seed: s,
      topLogprobs: 1,
      stop,
      n,
      stream: true,
    };
  }

  /** One request below `path`, streaming its choices' text to the draft sink. */
  async function ask(
    problem: P,
    path: readonly string[],
    s: number,
    n: number,
    signal: AbortSignal | undefined,
  ): Promise<GenerationResult> {
    const ids = Array.from({ length: n }, () => (draftIds += 1));
    try {
      return await source.generate(request(problem, path, s, n), {
        ...(signal ? { signal } : {}),
        onText: (i, text) => {
          const id = ids[i];
          if (id !== undefined) drafts()?.({ id, parentSteps: path, text });
        },
      });
    } finally {
      for (const id of ids) drafts()?.({ id, parentSteps: path, text: null });
    }
  }

  async function propose(ctx: ProposerContext<S, P>, n: number): Promise<Proposal> {
    const wanted = Math.max(0, Math.floor(n));
    const attempts = wanted * ATTEMPTS_PER_STEP;
    const first = counter.take('step', ctx.steps, attempts);
    const steps: ProposedStep[] = [];
    const seen = new Set<string>();
    let cost = NO_COST;
    let used = 0;
    while (steps.length < wanted && used < attempts) {
      const want = Math.min(wanted - steps.length, attempts - used);
      const results = options.multipleChoices
        ? [
            await ask(
              ctx.problem,
              ctx.steps,
              requestSeed(seed, 'step', ctx.steps, first + used),
              want,
              ctx.signal,
            ),
          ]
        : await Promise.all(
            Array.from({ length: want }, (_, j) =>
              ask(
                ctx.problem,
                ctx.steps,
                requestSeed(seed, 'step', ctx.steps, first + used + j),
                1,
                ctx.signal,
              ),
            ),
          );
      used += want;
      for (const result of results) {
        cost = addCosts(cost, requestCost(result, 'proposer'));
        for (const choice of result.choices) {
          const step = stepOf(choice, result, delimiter);
          if (step.text === '' || seen.has(step.text) || steps.length >= wanted) continue;
          seen.add(step.text);
          steps.push(step);
        }
      }
    }
    return { steps, cost };
  }

  async function rolloutAt(
    ctx: ProposerContext<S, P>,
    maxSteps: number,
    runSeed: number,
    index: number,
  ): Promise<Rollout> {
    const limit = Math.max(0, Math.floor(maxSteps));
    if (limit === 0 || task.outcome(ctx.state, ctx.problem) !== null)
      return { steps: [], cost: NO_COST };
    const steps: ProposedStep[] = [];
    let path: readonly string[] = ctx.steps;
    let state = ctx.state;
    let cost = NO_COST;
    while (steps.length < limit) {
      const s = rolloutStepSeed(runSeed, ctx.steps, index, steps.length);
      const result = await ask(ctx.problem, path, s, 1, ctx.signal);
      cost = addCosts(cost, requestCost(result, 'proposer'));
      const choice = result.choices[0];
      if (!choice) break;
      const step = stepOf(choice, result, delimiter);
      if (step.text === '') break;
      steps.push(step);
      path = [...path, step.text];
      if (choice.finish === 'length') break; // cut at the token limit
      const check = task.applyStep(state, step.text, ctx.problem);
      if (!check.valid) break;
      state = check.state;
      if (task.outcome(state, ctx.problem) !== null) break;
    }
    return { steps, cost };
  }

  return {
    label: options.label,
    simulated: false,
    propose,
    // The n-th rollout from a path is the n-th whatever was asked elsewhere in between.
    rollout: (ctx, maxSteps) => rolloutAt(ctx, maxSteps, seed, counter.take('rollout', ctx.steps)),
    rolloutAt,
  };
}
