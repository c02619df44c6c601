import type { Rng } from './rng';
import type { MaybePromise } from './search/program';
import type { Cost, JudgeKind, ScoreEvidence } from './tree/events';

/**
 * The two small interfaces every engine serves: the
 * simulated engine and web-llm alike. Methods answer at once (the simulated engine) or with a
 * promise (web-llm); the search handles both (search/program.ts). They live in the core
 * because the search calls them; `src/engines/types.ts` re-exports them for the engines.
 */

/** One step as the proposer wrote it. */
export interface ProposedStep {
  text: string;
  tokens: number;
  /** Log-probability of the whole step under the proposer. */
  logProb: number;
}

/** What the proposer is asked to continue. */
export interface ProposerContext<S, P> {
  problem: P;
  /** The task state after `steps`. */
  state: S;
  /** The step texts from the root down to the node being continued. */
  steps: readonly string[];
  rng: Rng;
  signal?: AbortSignal;
}

export interface Proposal {
  /** Distinct next steps (may be fewer than asked for when few exist). */
  steps: ProposedStep[];
  cost: Cost;
}

export interface Rollout {
  /** Steps from the node to a final answer (or until `maxSteps`). */
  steps: ProposedStep[];
  cost: Cost;
}

/** Writes next steps and complete continuations. */
export interface StepProposer<S, P> {
  /** What the UI calls this engine ("simulated model, skill 0.7"). */
  readonly label: string;
  /** True for the built-in offline engine: the UI labels its output as simulated. */
  readonly simulated: boolean;
  /** Up to `n` distinct next steps. */
  propose(ctx: ProposerContext<S, P>, n: number): MaybePromise<Proposal>;
  /** One complete continuation to a final answer, at most `maxSteps` steps. */
  rollout(ctx: ProposerContext<S, P>, maxSteps: number): MaybePromise<Rollout>;
}

/** What a judge is asked to score: the last step of `steps`. */
export interface JudgeContext<S, P> {
  problem: P;
  /** The state before the step. */
  parentState: S;
  /** The state after the step, or null when the task rejected the step. */
  state: S | null;
  /** The step texts from the root down to and including the judged step. */
  steps: readonly string[];
  rng: Rng;
  signal?: AbortSignal;
}

export interface Judgement {
  /** PRM step score in [0, 1]. */
  score: number;
  evidence: ScoreEvidence;
  cost: Cost;
}

/** Scores a step: a process reward model. */
export interface StepJudge<S, P> {
  readonly kind: JudgeKind;
  readonly label: string;
  score(ctx: JudgeContext<S, P>): MaybePromise<Judgement>;
}
