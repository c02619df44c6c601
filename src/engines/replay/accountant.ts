/**
 * Replays a search's engine calls as the web-llm requests the real adapter would send, and
 * counts what each would prefill with web-llm's KV cache (issue 4, "Benchmarks"): no GPU, no
 * model. Any proposer and judge (the simulated Game of 24 engine, a scripted tree) supply the
 * step texts and scores; the accountant turns every call into chat requests
 * (webllm/conversation.ts), runs them through a {@link ConversationCache}, and exposes that
 * cache as the search's {@link KvCacheProbe}.
 *
 * Order independence: a simulated engine draws from the run's generator in call order, so a
 * cache-aware schedule would change its answers. The accountant gives every call its own
 * generator, derived from the seed, the call's kind, its step path and how many calls of that
 * kind that path has had — as the web-llm adapter seeds each request from the run seed and the
 * path — so reordering calls on different paths changes nothing but what the cache holds.
 * (A web-llm model may answer a request that continues its cache otherwise than a fresh one:
 * webllm/kvCache.ts. The accountant counts prefill for the same answers in either order.)
 * Use one accountant per run.
 *
 * Rollouts are written step by step, as webllm/proposer.ts writes them: one step request per
 * step, each extending the conversation the previous one left. Given the task's rules
 * ({@link ReplayAccountant.proposer}), a rollout also ends where the adapter's would, after its
 * first invalid step or the step that ends the line.
 *
 * Where it differs from webllm/proposer.ts: a proposal costs one request per step returned (the
 * adapter makes up to 2n requests and drops duplicates and empty replies, which a simulated
 * proposer never writes), a rollout that returns no step costs nothing, and no step is ever cut
 * at the token limit.
 */
import type { Rng } from '../../core/rng';
import { createRng, hashString } from '../../core/rng';
import type { MaybePromise } from '../../core/search/program';
import { isPromiseLike } from '../../core/search/program';
import type { KvCacheProbe } from '../../core/search/schedule';
import type { Outcome, StepCheck } from '../../core/tasks/task';
import type { Cost } from '../../core/tree/events';
import type { Judgement, ProposedStep, StepJudge, StepProposer } from '../types';
import type { ChatTurn, TaskPrompts } from '../webllm/conversation';
import { judgeRequest, rolloutRequest, stepRequest } from '../webllm/conversation';
import { approxTokens, ConversationCache } from '../webllm/kvCache';

const NO_REQUEST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 0 };

/** How the replay writes requests. */
export interface ReplayOptions<P> {
  prompts: TaskPrompts<P>;
  /** The step delimiter (the app's default is a blank line, '\n\n'). */
  delimiter: string;
  /** The run seed every call's generator derives from. */
  seed: number;
  /** Token counter for prefill and generation; {@link approxTokens} by default. */
  countTokens?: (text: string) => number;
  /**
   * 'step-by-step' (the web-llm adapter, and the default): each rollout step is its own step
   * request, extending the conversation the previous step left and leaving the sample's path
   * in the cache. 'one-request' (what-if, the adapter's earlier design): a rollout is one
   * request with the finish turn asking for every remaining step, which leaves no step path in
   * the cache.
   */
  rollouts?: 'one-request' | 'step-by-step';
}

/**
 * What the adapter's rollout checks after each step it writes (any `Task` has both): it stops
 * after a step the task rejects or after the step that ends the line.
 */
export interface RolloutRules<S, P> {
  applyStep(state: S, stepText: string, problem: P): StepCheck<S>;
  outcome(state: S, problem: P): Outcome | null;
}

/**
 * The steps of a rollout from `state` that the adapter would write: up to and including the
 * first step that is invalid or ends the line; none when `state` already ends it.
 */
export function stepsAsWritten<S, P, T extends { text: string }>(
  rules: RolloutRules<S, P>,
  problem: P,
  state: S,
  steps: readonly T[],
): T[] {
  if (rules.outcome(state, problem) !== null) return [];
  const written: T[] = [];
  let current = state;
  for (const step of steps) {
    written.push(step);
    const check = rules.applyStep(current, step.text, problem);
    if (!check.valid) break;
    current = check.state;
    if (rules.outcome(current, problem) !== null) break;
  }
  return written;
}

/**
 * Whether a judge call is a model request of its own: 'judge-turn' for the self-judge (one
 * request, one token out, none for an invalid step, as webllm/judges.ts does; a simulated PRM
 * stands in for its scores); 'none' for the rule verifier, or a rollout judge built on the
 * accounted proposer (its rollouts are counted there).
 */
export type JudgeRequests = 'judge-turn' | 'none';

/** What a run's requests cost so far. */
export interface ReplayUsage {
  requests: number;
  /** Requests that extended the held conversation (prefilled only their last turn). */
  reused: number;
  prefilled: number;
  /** Tokens written: step texts, rollout replies, one per judge answer. */
  generated: number;
  /** Steps the proposer wrote (children and rollout steps): the per-step denominator. */
  steps: number;
}

/** Turns engine calls into web-llm requests and counts their prefill. */
export class ReplayAccountant<P> {
  /** What the replayed engine's KV cache holds; give it to the search as `ctx.cache`. */
  readonly cache = new ConversationCache();
  private readonly countTokens: (text: string) => number;
  private readonly calls = new Map<string, number>();
  private readonly used: ReplayUsage = {
    requests: 0,
    reused: 0,
    prefilled: 0,
    generated: 0,
    steps: 0,
  };

  constructor(private readonly options: ReplayOptions<P>) {
    // Every request repeats the system prompt and the path's turns: count each text once.
    const count = options.countTokens ?? approxTokens;
    const counted = new Map<string, number>();
    this.countTokens = (text) => {
      let n = counted.get(text);
      if (n === undefined) counted.set(text, (n = count(text)));
      return n;
    };
  }

  /** The probe the search schedules by. */
  get probe(): KvCacheProbe {
    return this.cache;
  }

  /** The totals so far (a copy). */
  usage(): ReplayUsage {
    return { ...this.used };
  }

  /**
   * A proposer that answers as `inner` (with per-call generators) and counts the requests.
   * With `rules` (the task), a step-by-step rollout keeps only the steps the adapter would
   * write ({@link stepsAsWritten}); without them, every step `inner` returns.
   */
  proposer<S>(inner: StepProposer<S, P>, rules?: RolloutRules<S, P>): StepProposer<S, P> {
    return {
      label: inner.label,
      simulated: inner.simulated,
      propose: (ctx, n) =>
        after(inner.propose({ ...ctx, rng: this.rngFor('propose', ctx.steps) }, n), (p) => {
          // One request per step: each asks for the next step below the same path.
          const prefilled = p.steps.reduce(
            (sum, s) => sum + this.request(ctx.problem, ctx.steps, s.text, 'step'),
            0,
          );
          return { steps: p.steps, cost: this.cost(p.steps, prefilled) };
        }),
      rollout: (ctx, maxSteps) =>
        after(inner.rollout({ ...ctx, rng: this.rngFor('rollout', ctx.steps) }, maxSteps), (r) => {
          let prefilled = 0;
          if (this.options.rollouts === 'one-request') {
            if (r.steps.length > 0) {
              const reply = r.steps.map((s) => s.text).join(this.options.delimiter);
              prefilled = this.request(ctx.problem, ctx.steps, reply, 'rollout');
            }
            return { steps: r.steps, cost: this.cost(r.steps, prefilled) };
          }
          const steps = rules ? stepsAsWritten(rules, ctx.problem, ctx.state, r.steps) : r.steps;
          let path = ctx.steps;
          for (const s of steps) {
            prefilled += this.request(ctx.problem, path, s.text, 'step');
            path = [...path, s.text];
          }
          return { steps, cost: this.cost(steps, prefilled) };
        }),
    };
  }

  /** A judge that scores as `inner` (with per-call generators) and counts its requests. */
  judge<S>(inner: StepJudge<S, P>, requests: JudgeRequests): StepJudge<S, P> {
    return {
      kind: inner.kind,
      label: inner.label,
      score: (ctx) =>
        after(inner.score({ ...ctx, rng: this.rngFor('judge', ctx.steps) }), (j): Judgement => {
          if (requests === 'none') return j;
          // The self-judge scores an invalid step 0 without asking the model.
          if (ctx.state === null) return { ...j, cost: { ...NO_REQUEST, judgeCalls: 1 } };
          const answer = j.score >= 0.5 ? 'Yes' : 'No';
          const prefilled = this.request(ctx.problem, ctx.steps, answer, 'judge');
          const cost: Cost = { generated: 1, prefilled, proposerCalls: 0, judgeCalls: 1 };
          return { ...j, cost };
        }),
    };
  }

  /** A generator for one call: the same kind, path and repeat count give the same stream. */
  private rngFor(kind: string, steps: readonly string[]): Rng {
    const key = JSON.stringify([kind, ...steps]);
    const repeat = this.calls.get(key) ?? 0;
    this.calls.set(key, repeat + 1);
    return createRng(hashString(`${this.options.seed}:${repeat}:${key}`));
  }

  /** Sends one request through the cache; returns the tokens it prefilled. */
  private request(
    problem: P,
    steps: readonly string[],
    reply: string,
    kind: 'step' | 'judge' | 'rollout',
  ): number {
    const { prompts, delimiter } = this.options;
    const build = kind === 'step' ? stepRequest : kind === 'judge' ? judgeRequest : rolloutRequest;
    const turns: ChatTurn[] = build(prompts, problem, steps, delimiter);
    const reused = this.cache.extendsHeld(turns);
    const prefilled = this.cache.prefillTokens(turns, this.countTokens);
    this.cache.commit(turns, reply, kind === 'step' ? [...steps, reply] : null);
    this.used.requests += 1;
    if (reused) this.used.reused += 1;
    this.used.prefilled += prefilled;
    this.used.generated += kind === 'judge' ? 1 : this.countTokens(reply);
    return prefilled;
  }

  /** A proposer call's cost: the steps it wrote and what its requests prefilled. */
  private cost(steps: readonly ProposedStep[], prefilled: number): Cost {
    this.used.steps += steps.length;
    const generated = steps.reduce((sum, s) => sum + this.countTokens(s.text), 0);
    return { generated, prefilled, proposerCalls: 1, judgeCalls: 0 };
  }
}

/** Applies `f` now, or when the promise resolves. */
function after<T, U>(value: MaybePromise<T>, f: (v: T) => U): MaybePromise<U> {
  return isPromiseLike(value) ? Promise.resolve(value).then(f) : f(value);
}
