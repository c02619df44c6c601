import type { Rng } from '../core/rng';
import { createRng, hashString } from '../core/rng';
import type { SearchContext, SearchProgram } from '../core/search';
import { runSearch, streamEvents } from '../core/search';
import { hintedEngine, withHint, withHintedTask } from '../core/search/hints';
import type { Problem, Task } from '../core/tasks/task';
import { game24Task, getPuzzle } from '../core/tasks/game24';
import { getWordProblem, wordProblemTask } from '../core/tasks/wordProblems';
import type { TraceEvent } from '../core/tree/events';
import { createSimulatedGame24Engine } from '../engines/simulated';
import { createSimulatedWordEngine } from '../engines/simulated/wordEngine';
import type { WebLlmEngine } from '../engines/webllm';
import { createWebLlmEngine } from '../engines/webllm';
import { modelSession } from '../engines/webllm/session';
import { hintFor } from './hints';
import type { RunSettings, WebLlmEngineSettings } from './settings';

/**
 * The run's generator: one seed gives each puzzle its own stream, so that a seed shared across
 * a problem set does not make the same random choices on every puzzle.
 */
export function runRng(settings: Pick<RunSettings, 'seed' | 'problemId'>): Rng {
  return createRng(hashString(`${settings.seed}:${settings.problemId}`));
}

/**
 * Starts the run the settings describe and streams its events: first `start`, last `done`.
 * With the simulated engine the same settings give the same events, byte for byte (one
 * seeded Rng, passed in); with a model, as nearly as its seeded sampling allows.
 * @throws Error when the settings name a problem that is not bundled, a hint beyond the
 *   problem's reference solution, or a model that is not loaded
 */
export function startSearch(
  settings: RunSettings,
  signal?: AbortSignal,
): AsyncGenerator<TraceEvent, void, undefined> {
  return streamEvents(searchProgram(settings, signal));
}

/**
 * Puts something between a loaded model and the search: continuing a run answers the
 * recorded calls from its events and passes only the rest to the model (resume.ts).
 */
export type ModelWrap = <S, P extends Problem>(
  live: WebLlmEngine<S, P>,
  task: Task<S, P>,
) => Pick<WebLlmEngine<S, P>, 'proposer' | 'judge'>;

/**
 * The run as a synchronous program (search/program.ts): with the simulated engine,
 * `collectEvents(searchProgram(settings))` gives the whole run without a single await.
 * @param wrapModel for a model run: what stands between the model and the search
 */
export function searchProgram(
  settings: RunSettings,
  signal?: AbortSignal,
  wrapModel?: ModelWrap,
): SearchProgram {
  const hint = hintFor(settings.task, settings.problemId, settings.hintSteps);
  if (settings.task === 'word-problems') {
    const problem = getWordProblem(settings.problemId);
    if (!problem) throw new Error(`Unknown word problem "${settings.problemId}"`);
    if (settings.engine.kind === 'webllm') {
      return modelProgram(
        settings,
        settings.engine,
        wordProblemTask,
        problem,
        hint,
        signal,
        wrapModel,
      );
    }
    const { proposer, judge } = createSimulatedWordEngine(settings.engine);
    return simulatedProgram(
      settings,
      { task: wordProblemTask, problem, proposer, judge },
      hint,
      signal,
    );
  }
  const problem = getPuzzle(settings.problemId);
  if (!problem) throw new Error(`Unknown puzzle "${settings.problemId}"`);
  if (settings.engine.kind === 'webllm') {
    return modelProgram(settings, settings.engine, game24Task, problem, hint, signal, wrapModel);
  }
  const { proposer, judge } = createSimulatedGame24Engine(settings.engine);
  return simulatedProgram(settings, { task: game24Task, problem, proposer, judge }, hint, signal);
}

/** A search with the simulated engine: one seeded Rng, the hint (if any) as a fixed prefix. */
function simulatedProgram<S, P extends Problem>(
  settings: RunSettings,
  parts: Pick<SearchContext<S, P>, 'task' | 'problem' | 'proposer' | 'judge'>,
  hint: readonly string[],
  signal: AbortSignal | undefined,
): SearchProgram {
  const ctx: SearchContext<S, P> = {
    ...parts,
    rng: runRng(settings),
    ...(signal ? { signal } : {}),
  };
  return runSearch(withHint(ctx, hint), settings.search);
}

/** A search whose steps a loaded web-llm model writes and judges. */
function modelProgram<S, P extends Problem>(
  settings: RunSettings,
  engine: WebLlmEngineSettings,
  task: Task<S, P>,
  problem: P,
  hint: readonly string[],
  signal: AbortSignal | undefined,
  wrapModel: ModelWrap | undefined,
): SearchProgram {
  const loaded = modelSession.current();
  if (!loaded) {
    throw new Error(
      'No model is loaded: choose one in the Model panel, or use the simulated engine.',
    );
  }
  if (engine.modelId !== '' && loaded.modelId !== engine.modelId) {
    throw new Error(
      `These settings ask for ${engine.modelId}, but ${loaded.modelId} is loaded: load it, or reset the run to use the loaded model.`,
    );
  }
  const live = createWebLlmEngine<S, P>(
    loaded.engine,
    settings.task,
    {
      judge: engine.judge,
      rolloutK: engine.rolloutK,
      temperature: engine.temperature,
      maxStepTokens: engine.maxStepTokens,
      delimiter: engine.delimiter,
      seed: settings.seed,
      label: loaded.modelId,
      // Qwen3 thinks at length before a step unless told not to; a step is the thought here.
      ...(/qwen3/i.test(loaded.modelId) ? { thinking: false } : {}),
    },
    modelSession.hooks,
    modelSession.gate,
  );
  // The hint goes under any wrapper, so that a recorder keys calls by the search's own paths.
  const hinted = hint.length > 0 ? { ...live, ...hintedEngine(live, hint) } : live;
  const { proposer, judge } = wrapModel ? wrapModel(hinted, task) : hinted;
  const ctx: SearchContext<S, P> = {
    task,
    problem,
    proposer,
    judge,
    rng: runRng(settings),
    cache: live.cache,
    schedule: engine.cacheAware ? 'cache-aware' : 'naive',
    ...(signal ? { signal } : {}),
  };
  return runSearch(withHintedTask(ctx, hint), settings.search);
}
