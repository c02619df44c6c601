/**
 * The server engine as Arbor's two interfaces (issue 13): `createServerEngine(source,
 * settings, task)` over a connected {@link ServerClient}, a recording (an exported run opened
 * without the server) or a recording in front of a client (Continue). Every reply the run uses
 * passes through one {@link RecordingSource}, so `recording()` is the run's whole record.
 */
import type { StepJudge, StepProposer } from '../../core/engine';
import type { AnyTaskEntry, TaskEntry } from '../../core/tasks/entry';
import type { TaskPrompts } from '../../core/tasks/prompts';
import type { ProblemOf, StateOf, TaskId } from '../../core/tasks/registry';
import { taskEntry } from '../../core/tasks/registry';
import { createRuleJudge } from '../../core/tasks/ruleJudge';
import type { Problem, Task } from '../../core/tasks/task';
import { DEFAULT_ROLLOUT_MAX_STEPS } from '../webllm/adapter';
import type { PauseGate } from '../webllm/gate';
import type { ReplySource } from './client';
import { ServerClient } from './client';
import { FAMILIES } from './families';
import { createServerRolloutJudge, createServerSelfJudge } from './judges';
import { pausable } from './pausable';
import type { PromptFormat } from './prompts';
import { layoutFor, resolveFormat } from './prompts';
import type { ServerDraftSink } from './proposer';
import { createServerProposer } from './proposer';
import type { ServerRecording } from './recording';
import { RecordingSource } from './recording';
import type { ServerEngineSettings } from './settings';
import { checkServerSettings } from './settings';

/** Where the engine reports as it works (read at every call, so they may be swapped later). */
export interface ServerHooks {
  onDraft?: ServerDraftSink;
}

/** What the engine needs besides its settings. */
export interface ServerEngineOptions {
  /** The run seed: per-request seeds derive from it and the path. */
  seed: number;
  gate?: PauseGate;
  hooks?: ServerHooks;
}

/** A server engine for one task. */
export interface ServerEngine<S, P> {
  proposer: StepProposer<S, P>;
  judge: StepJudge<S, P>;
  /** Give the search this as `SearchContext.concurrency`. */
  concurrency: number;
  /** The layout its requests use. */
  format: PromptFormat;
  /** Every reply used so far (for the run file's `server` field). */
  recording(): ServerRecording;
  /** Distinct requests sent, and calls answered by an identical request's reply. */
  requests(): { sent: number; shared: number };
}

function build<S, P extends Problem>(
  source: ReplySource,
  settings: ServerEngineSettings,
  options: ServerEngineOptions,
  prompts: TaskPrompts<P>,
  domain: { task: Task<S, P>; rolloutSteps: (state: S) => number; rule?: () => StepJudge<S, P> },
): ServerEngine<S, P> {
  const adapter = FAMILIES[source.family];
  if (source instanceof ServerClient) {
    source.limiter.setLimit(Math.min(settings.concurrency, source.slots ?? Infinity));
    source.timeoutMs = settings.timeoutMs;
    source.retry = { ...source.retry, retries: settings.retries };
    if (settings.model !== '') source.model = settings.model;
  }
  const gated = options.gate ? pausable(source, options.gate) : source;
  const recorder = new RecordingSource(gated, settings.model);
  const format = resolveFormat(settings.promptFormat, adapter, settings.model);
  const layout = layoutFor(format, prompts, settings.delimiter);
  const proposer = createServerProposer<S, P>(
    recorder,
    layout,
    domain.task,
    {
      label: `${settings.model} on ${adapter.label}`,
      temperature: settings.temperature,
      maxStepTokens: settings.maxStepTokens,
      delimiter: settings.delimiter,
      seed: options.seed,
      multipleChoices: adapter.multipleChoices,
    },
    () => options.hooks?.onDraft,
  );
  let judge: StepJudge<S, P>;
  if (settings.judge === 'self') {
    judge = createServerSelfJudge(recorder, layout, adapter, options.seed);
  } else if (settings.judge === 'rollout') {
    judge = createServerRolloutJudge(
      proposer,
      domain.task,
      settings.rolloutK,
      domain.rolloutSteps,
      options.seed,
    );
  } else if (domain.rule) {
    judge = domain.rule();
  } else {
    throw new RangeError('this task has no exact rule verifier');
  }
  return {
    proposer,
    judge,
    concurrency: settings.concurrency,
    format,
    recording: () => recorder.recording(),
    requests: () => ({ sent: recorder.sent, shared: recorder.shared }),
  };
}

/**
 * The server engine for a task: its prompts say how to ask, its rule verifier judges when
 * the judge is 'rule' (only where it is exact).
 * @param source a connected client, `replaySource(recording)` or `replaySource(recording, client)`
 * @throws RangeError when the settings are unusable (see checkServerSettings)
 */
export function createServerEngine<Id extends TaskId>(
  source: ReplySource,
  settings: ServerEngineSettings,
  task: Id,
  options: ServerEngineOptions,
): ServerEngine<StateOf<Id>, ProblemOf<Id>>;
export function createServerEngine<S, P extends Problem>(
  source: ReplySource,
  settings: ServerEngineSettings,
  task: TaskEntry<S, P>,
  options: ServerEngineOptions,
): ServerEngine<S, P>;
export function createServerEngine(
  source: ReplySource,
  settings: ServerEngineSettings,
  taskOrId: TaskId | AnyTaskEntry,
  options: ServerEngineOptions,
): ServerEngine<unknown, Problem> {
  const task = typeof taskOrId === 'string' ? taskEntry(taskOrId) : taskOrId;
  const problems = checkServerSettings(task, settings);
  if (problems.length > 0) throw new RangeError(`server engine: ${problems.join('; ')}`);
  return build(source, settings, options, task.prompts, {
    task: task.task,
    rolloutSteps: (state) => task.stepsLeft(state) ?? DEFAULT_ROLLOUT_MAX_STEPS,
    rule: () => createRuleJudge(task.rule),
  });
}
