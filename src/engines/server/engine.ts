/**
 * The server engine as Arbor's two interfaces (issue 13): `createServerEngine(source,
 * settings, task)` over a connected {@link ServerClient}, a recording (an exported run opened
 * without the server) or a recording in front of a client (Continue). Every reply the run uses
 * passes through one {@link RecordingSource}, so `recording()` is the run's whole record.
 */
import type { StepJudge, StepProposer } from '../../core/engine';
import type { Game24Problem, Game24State } from '../../core/tasks/game24';
import { game24Task } from '../../core/tasks/game24';
import type { Problem, Task } from '../../core/tasks/task';
import type { WordProblem, WordProblemState } from '../../core/tasks/wordProblems';
import { wordProblemTask } from '../../core/tasks/wordProblems';
import { createRuleJudge } from '../simulated/game24Judges';
import { DEFAULT_ROLLOUT_MAX_STEPS } from '../webllm/adapter';
import type { TaskPrompts } from '../webllm/conversation';
import { GAME24_PROMPTS, WORD_PROBLEM_PROMPTS } from '../webllm/conversation';
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
    throw new RangeError('the rule judge exists only for Game of 24');
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
 * The server engine for a task.
 * @param source a connected client, `replaySource(recording)` or `replaySource(recording, client)`
 * @throws RangeError when the settings are unusable (see checkServerSettings)
 */
export function createServerEngine(
  source: ReplySource,
  settings: ServerEngineSettings,
  task: 'game24',
  options: ServerEngineOptions,
): ServerEngine<Game24State, Game24Problem>;
export function createServerEngine(
  source: ReplySource,
  settings: ServerEngineSettings,
  task: 'word-problems',
  options: ServerEngineOptions,
): ServerEngine<WordProblemState, WordProblem>;
export function createServerEngine<S, P>(
  source: ReplySource,
  settings: ServerEngineSettings,
  task: 'game24' | 'word-problems',
  options: ServerEngineOptions,
): ServerEngine<S, P>;
export function createServerEngine(
  source: ReplySource,
  settings: ServerEngineSettings,
  task: 'game24' | 'word-problems',
  options: ServerEngineOptions,
): ServerEngine<Game24State, Game24Problem> | ServerEngine<WordProblemState, WordProblem> {
  const problems = checkServerSettings(task, settings);
  if (problems.length > 0) throw new RangeError(`server engine: ${problems.join('; ')}`);
  if (task === 'game24') {
    return build(source, settings, options, GAME24_PROMPTS, {
      task: game24Task,
      rolloutSteps: (state) => Math.max(0, state.numbers.length - 1),
      rule: createRuleJudge,
    });
  }
  return build(source, settings, options, WORD_PROBLEM_PROMPTS, {
    task: wordProblemTask,
    rolloutSteps: () => DEFAULT_ROLLOUT_MAX_STEPS,
  });
}
