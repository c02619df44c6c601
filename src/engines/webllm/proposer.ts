/**
 * The web-llm step proposer: each step is one streamed chat request that stops at the step
 * delimiter; a rollout writes its steps the same way, one request per step, each extending
 * the conversation the previous step left in web-llm's KV cache.
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
import type { TaskPrompts } from './conversation';
import { stepRequest } from './conversation';
import { MissingLogprobsError, reportedLogProb, stepLogProb } from './logprobs';
import type { Reply, RequestRunner } from './requests';
import type { Sampling } from './sampling';
import { fnv1a, requestSeed, SampleCounter } from './seeds';

/** How the proposer samples. */
export interface ProposerSettings {
  label: string;
  temperature: number;
  /** Top-p and penalties of steps and rollouts. */
  sampling: Sampling;
  /** Token limit of one step (a rollout's steps too). */
  maxStepTokens: number;
  delimiter: string;
  /** The run seed. */
  seed: number;
}

/** A step's text streaming in; null when it is done. */
export type DraftSink = (draft: { parentSteps: readonly string[]; text: string } | null) => void;

/** Each call asks for at most this many requests per step wanted, counting duplicates. */
export const ATTEMPTS_PER_STEP = 2;

const NO_COST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 0 };

function addCall(cost: Cost, reply: Reply): Cost {
  return {
    generated: cost.generated + reply.usage.generated,
    prefilled: cost.prefilled + reply.usage.prefilled,
    proposerCalls: cost.proposerCalls + 1,
    judgeCalls: cost.judgeCalls,
  };
}

/**
 * The seed of step `j` (0-based) of the `index`-th rollout from the path `start`: the first
 * step's is `requestSeed(runSeed, 'rollout', start, index)`, each later one a hash of that and
 * `j`. A rollout's steps depend on where it starts and which sample it is, never on the order
 * of requests; and the n-th rollout from P, having written s, does not repeat the n-th rollout
 * from P + [s].
 */
export function rolloutStepSeed(
  runSeed: number,
  start: readonly string[],
  index: number,
  j: number,
): number {
  const first = requestSeed(runSeed, 'rollout', start, index);
  return j === 0 ? first : fnv1a(`${first}\u0000${j}`) & 0x7fffffff;
}

/** One step as a request produced it, with why the request ended. */
interface Written {
  reply: Reply;
  /** The step's text: the reply cut at the delimiter and trimmed ('' when there was none). */
  text: string;
}

/**
 * A {@link StepProposer} over a web-llm engine.
 *
 * - `propose(ctx, n)`: up to `2n` streamed requests, each `stepRequest(path)`, stopping at the
 *   delimiter, limited to `maxStepTokens`, with a seed from the run seed, the path and the
 *   sample's index (so the answer does not depend on the order of requests); duplicates and
 *   empty replies are dropped. A step cut at the token limit keeps its text: the task decides
 *   whether it is valid. `logProb` is the sum of the sampled tokens' log-probabilities
 *   (see `reportedLogProb`), `tokens` the tokens generated, so `stepPriors` is length-normalised.
 * - `rollout(ctx, maxSteps)`: the same requests, one at a time, each asking for the step after
 *   the ones written so far (so each extends the conversation the previous one left in the KV
 *   cache), with seeds from {@link rolloutStepSeed}. Every step is applied with the task; the
 *   rollout ends after a step that ends the line (a final answer) or is invalid, after a step
 *   cut at the token limit, at an empty reply (not a step), or at `maxSteps`. Each step keeps
 *   its own tokens and log-probability; the cost sums the requests.
 */
export function createWebLlmProposer<S, P extends Problem>(
  runner: RequestRunner,
  prompts: TaskPrompts<P>,
  task: Pick<Task<S, P>, 'applyStep' | 'outcome'>,
  settings: ProposerSettings,
  drafts: () => DraftSink | undefined,
): StepProposer<S, P> {
  const { delimiter, maxStepTokens, temperature, sampling, seed } = settings;
  const stop = delimiter === '' ? undefined : [delimiter];
  const counter = new SampleCounter();
  const cut = (text: string): string => cutStep(text, delimiter, text.length).step;

  /** One streamed step request below `path`. */
  async function write(
    problem: P,
    path: readonly string[],
    sampleSeed: number,
    what: string,
    signal: AbortSignal | undefined,
  ): Promise<Written> {
    const reply = await runner.stream(
      stepRequest(prompts, problem, path, delimiter),
      {
        maxTokens: maxStepTokens,
        temperature,
        sampling,
        seed: sampleSeed,
        topLogprobs: 1,
        ...(stop ? { stop } : {}),
      },
      {
        what,
        signal,
        onText: (text) => drafts()?.({ parentSteps: path, text }),
        // The engine holds path + [step] only if the step is the reply exactly as it holds it.
        pathAfter: (held) => (held !== '' && cut(held) === held ? [...path, held] : null),
      },
    );
    return { reply, text: cut(reply.text) };
  }

  /** The step as the search sees it: exact tokens and summed log-probability. */
  function proposed({ reply, text }: Written): ProposedStep {
    const lp = stepLogProb(reply.logprobs);
    if (lp.count === 0) throw new MissingLogprobsError('a step');
    const tokens = Math.max(1, reply.tokens);
    return { text, tokens, logProb: reportedLogProb(lp, tokens) };
  }

  async function propose(ctx: ProposerContext<S, P>, n: number): Promise<Proposal> {
    const attempts = Math.max(0, Math.floor(n)) * ATTEMPTS_PER_STEP;
    const first = counter.take('step', ctx.steps, attempts);
    const steps: ProposedStep[] = [];
    const seen = new Set<string>();
    let cost = NO_COST;
    try {
      for (let i = 0; i < attempts && steps.length < n; i++) {
        const s = requestSeed(seed, 'step', ctx.steps, first + i);
        const written = await write(ctx.problem, ctx.steps, s, 'writing a step', ctx.signal);
        cost = addCall(cost, written.reply);
        if (written.text === '' || seen.has(written.text)) continue;
        seen.add(written.text);
        steps.push(proposed(written));
      }
    } finally {
      drafts()?.(null);
    }
    return { steps, cost };
  }

  async function rollout(ctx: ProposerContext<S, P>, maxSteps: number): Promise<Rollout> {
    const limit = Math.max(0, Math.floor(maxSteps));
    if (limit === 0 || task.outcome(ctx.state, ctx.problem) !== null) {
      return { steps: [], cost: NO_COST };
    }
    const index = counter.take('rollout', ctx.steps);
    const steps: ProposedStep[] = [];
    let path: readonly string[] = ctx.steps;
    let state = ctx.state;
    let cost = NO_COST;
    try {
      while (steps.length < limit) {
        const s = rolloutStepSeed(seed, ctx.steps, index, steps.length);
        const written = await write(ctx.problem, path, s, 'writing a rollout', ctx.signal);
        cost = addCall(cost, written.reply);
        if (written.text === '') break;
        steps.push(proposed(written));
        path = [...path, written.text];
        if (written.reply.finishReason !== 'stop') break; // cut at the token limit
        const check = task.applyStep(state, written.text, ctx.problem);
        if (!check.valid) break;
        state = check.state;
        if (task.outcome(state, ctx.problem) !== null) break;
      }
    } finally {
      drafts()?.(null);
    }
    return { steps, cost };
  }

  return { label: settings.label, simulated: false, propose, rollout };
}
