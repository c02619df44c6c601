/**
 * The web-llm engine as Arbor's two interfaces: a {@link StepProposer} and a
 * {@link StepJudge} over one loaded model, plus a probe of what its KV cache holds for the
 * cache-aware scheduler (contracts, "The web-llm engine factory").
 */
import type { KvCacheProbe } from '../../core/search/schedule';
import type { StepJudge, StepProposer } from '../../core/engine';
import type { Problem, Task } from '../../core/tasks/task';
import type { AnyTaskEntry, TaskEntry } from '../../core/tasks/entry';
import type { ProblemOf, StateOf, TaskId } from '../../core/tasks/registry';
import { taskEntry } from '../../core/tasks/registry';
import { createRuleJudge } from '../../core/tasks/ruleJudge';
import type { TaskPrompts } from './conversation';
import type { PauseGate } from './gate';
import { createRolloutJudge, createSelfJudge } from './judges';
import { ConversationCache } from './kvCache';
import type { DraftSink } from './proposer';
import { createWebLlmProposer } from './proposer';
import type { ChatEngine, RequestUsage } from './requests';
import { RequestRunner } from './requests';
import type { Sampling } from './sampling';
import { NEUTRAL_SAMPLING, samplingProblems } from './sampling';
import { PLAIN_REPLY, THINKING_OFF_REPLY, withDelimiter } from './thinkingBlock';

export type { ChatEngine, RequestUsage } from './requests';

/** How the web-llm engine samples and judges. */
export interface WebLlmEngineOptions {
  /** 'rule' only where the task's rule verifier is exact (Game of 24). */
  judge: 'self' | 'rollout' | 'rule';
  /** Completions per rollout-judged step, ≥ 1. */
  rolloutK: number;
  /** Sampling temperature for steps and rollouts, 0–2. */
  temperature: number;
  /** Top-p and penalties for steps and rollouts (default: top-p 1, no penalties). */
  sampling?: Sampling;
  /** Per-step token limit, ≥ 1. */
  maxStepTokens: number;
  /** The step delimiter: '\n\n' by default. */
  delimiter: string;
  /**
   * The run seed; per-request seeds derive from it and the path, not from the order of
   * requests (seeds.ts; web-llm's reused cache may still change a reply, kvCache.ts).
   */
  seed: number;
  /** What the UI calls the proposer (the model's name); "web-llm model" if absent. */
  label?: string;
  /** Steps a rollout may write where the task cannot tell how many are left (word problems). */
  rolloutMaxSteps?: number;
  /** False turns a thinking model's thinking off (Qwen3: `extra_body.enable_thinking`). */
  thinking?: boolean;
}

/** Where the engine reports as it works. Read at every call, so they may be swapped later. */
export interface WebLlmHooks {
  /** The streaming text of the step being written; null when it is done. */
  onDraft?: DraftSink;
  /** After every request (a dropped, paused attempt included). */
  onUsage?(u: RequestUsage): void;
}

/** A web-llm engine for one task. */
export interface WebLlmEngine<S, P> {
  proposer: StepProposer<S, P>;
  judge: StepJudge<S, P>;
  cache: KvCacheProbe;
}

/** Steps a word-problem rollout may write by default. */
export const DEFAULT_ROLLOUT_MAX_STEPS = 8;

/** The options' problems in words, or [] when they are usable. */
export function checkOptions(task: AnyTaskEntry, options: WebLlmEngineOptions): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(options.rolloutK) || options.rolloutK < 1) {
    problems.push('rolloutK must be a whole number, at least 1');
  }
  if (!(options.temperature >= 0 && options.temperature <= 2)) {
    problems.push('temperature must be between 0 and 2');
  }
  if (!Number.isInteger(options.maxStepTokens) || options.maxStepTokens < 1) {
    problems.push('maxStepTokens must be a whole number, at least 1');
  }
  if (!Number.isFinite(options.seed)) problems.push('seed must be a number');
  problems.push(...samplingProblems(options.sampling ?? NEUTRAL_SAMPLING));
  if (options.judge === 'rule' && task.rule.sees !== 'exact') {
    problems.push(`${task.label} has no exact rule verifier: use the self or rollout judge`);
  }
  return problems;
}

function build<S, P extends Problem>(
  engine: ChatEngine,
  prompts: TaskPrompts<P>,
  options: WebLlmEngineOptions,
  hooks: WebLlmHooks,
  gate: PauseGate,
  domain: {
    task: Task<S, P>;
    rolloutSteps: (state: S) => number;
    rule?: () => StepJudge<S, P>;
  },
): WebLlmEngine<S, P> {
  const cache = new ConversationCache();
  const runner = new RequestRunner(
    engine,
    gate,
    cache,
    (u) => hooks.onUsage?.(u),
    withDelimiter(options.thinking === false ? THINKING_OFF_REPLY : PLAIN_REPLY, options.delimiter),
  );
  const proposer = createWebLlmProposer<S, P>(
    runner,
    prompts,
    domain.task,
    {
      label: options.label ?? 'web-llm model',
      temperature: options.temperature,
      sampling: options.sampling ?? NEUTRAL_SAMPLING,
      maxStepTokens: options.maxStepTokens,
      delimiter: options.delimiter,
      seed: options.seed,
    },
    () => hooks.onDraft,
  );
  let judge: StepJudge<S, P>;
  if (options.judge === 'self') {
    judge = createSelfJudge(runner, prompts, options);
  } else if (options.judge === 'rollout') {
    judge = createRolloutJudge(proposer, domain.task, options.rolloutK, domain.rolloutSteps);
  } else if (domain.rule) {
    judge = domain.rule();
  } else {
    throw new RangeError('this task has no exact rule verifier');
  }
  return { proposer, judge, cache };
}

/**
 * The web-llm engine for a task: a proposer, the chosen judge and the cache probe, all over
 * one engine (one conversation in its KV cache), with requests paused by `gate` and reported
 * through `hooks`. web-llm is reached only through `engine`: nothing here imports it at run
 * time, so it stays out of the first-paint bundle. The task's prompts say how to ask; its
 * rule verifier judges when the judge is 'rule' (only where it is exact).
 * @throws RangeError when the options are unusable (see {@link checkOptions})
 */
export function createWebLlmEngine<Id extends TaskId>(
  engine: ChatEngine,
  task: Id,
  options: WebLlmEngineOptions,
  hooks: WebLlmHooks,
  gate: PauseGate,
): WebLlmEngine<StateOf<Id>, ProblemOf<Id>>;
export function createWebLlmEngine<S, P extends Problem>(
  engine: ChatEngine,
  task: TaskEntry<S, P>,
  options: WebLlmEngineOptions,
  hooks: WebLlmHooks,
  gate: PauseGate,
): WebLlmEngine<S, P>;
export function createWebLlmEngine(
  engine: ChatEngine,
  taskOrId: TaskId | AnyTaskEntry,
  options: WebLlmEngineOptions,
  hooks: WebLlmHooks,
  gate: PauseGate,
): WebLlmEngine<unknown, Problem> {
  const task = typeof taskOrId === 'string' ? taskEntry(taskOrId) : taskOrId;
  const problems = checkOptions(task, options);
  if (problems.length > 0) throw new RangeError(`web-llm engine: ${problems.join('; ')}`);
  const steps = options.rolloutMaxSteps ?? DEFAULT_ROLLOUT_MAX_STEPS;
  return build(engine, task.prompts, options, hooks, gate, {
    task: task.task,
    rolloutSteps: (state) => task.stepsLeft(state) ?? steps,
    rule: () => createRuleJudge(task.rule),
  });
}
