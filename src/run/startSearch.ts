import type { Rng } from '../core/rng';
import { createRng, hashString } from '../core/rng';
import type { SearchContext, SearchProgram } from '../core/search';
import { runSearch } from '../core/search';
import { hintedEngine, withHintedTask } from '../core/search/hints';
import type { TaskEntry } from '../core/tasks/entry';
import { taskEntry } from '../core/tasks/registry';
import type { Problem } from '../core/tasks/task';
import type { EngineWrap } from '../engines/definition';
import { engineFor } from '../engines/registry';
import { hintFor } from './hints';
import type { RunSettings } from './settings';

/**
 * The run's generator: one seed gives each puzzle its own stream, so that a seed shared across
 * a problem set does not make the same random choices on every puzzle.
 */
export function runRng(settings: Pick<RunSettings, 'seed' | 'problemId'>): Rng {
  return createRng(hashString(`${settings.seed}:${settings.problemId}`));
}

/**
 * The run as a synchronous program (search/program.ts): with the simulated engine,
 * `collectEvents(searchProgram(settings))` gives the whole run without a single await, and
 * `streamEvents` drives it with a model. The task and the engine come from their registries;
 * with the simulated engine the same settings give the same events, byte for byte (one seeded
 * Rng, passed in), with a model as nearly as its seeded sampling allows.
 * @param wrap what stands between a live engine and the search (continuing a model run)
 * @throws Error when the settings name a problem that is not bundled, a hint beyond the
 *   problem's reference solution, or an engine that cannot run (no model loaded)
 */
export function searchProgram(
  settings: RunSettings,
  signal?: AbortSignal,
  wrap?: EngineWrap,
): SearchProgram {
  const entry = taskEntry(settings.task);
  const problem = entry.getProblem(settings.problemId);
  if (!problem)
    throw new Error(`Unknown ${entry.problemNoun.toLowerCase()} "${settings.problemId}"`);
  return programFor(settings, entry, problem, signal, wrap);
}

function programFor<S, P extends Problem>(
  settings: RunSettings,
  entry: TaskEntry<S, P>,
  problem: P,
  signal: AbortSignal | undefined,
  wrap: EngineWrap | undefined,
): SearchProgram {
  const hint = hintFor(settings.task, settings.problemId, settings.hintSteps);
  const live = engineFor(settings.engine).create(settings.engine, entry, {
    seed: settings.seed,
    ...(signal ? { signal } : {}),
  });
  // The hint goes under any wrapper, so that a recorder keys calls by the search's own paths.
  const hinted = { ...live, ...hintedEngine(live, hint) };
  const { proposer, judge } = wrap ? wrap(hinted, entry.task) : hinted;
  const ctx: SearchContext<S, P> = {
    task: entry.task,
    problem,
    proposer,
    judge,
    rng: runRng(settings),
    ...(live.cache ? { cache: live.cache } : {}),
    ...(live.schedule ? { schedule: live.schedule } : {}),
    ...(live.concurrency !== undefined ? { concurrency: live.concurrency } : {}),
    ...(signal ? { signal } : {}),
  };
  return runSearch(withHintedTask(ctx, hint), settings.search);
}
