import type { StepJudge, StepProposer } from '../core/engine';
import type { KvCacheProbe } from '../core/search/schedule';
import type { SettingsTable } from '../core/settings/table';
import type { AnyTaskEntry, TaskEntry } from '../core/tasks/entry';
import type { Problem } from '../core/tasks/task';
import type { ServerRecording } from './server/recording';

/** What an engine records of a run besides its events (today only a server's replies). */
export type RunRecording = ServerRecording;

/**
 * What an engine declares about itself, once: its settings with their form,
 * link and schema (a settings table), what it can do, which judges it offers on a task, and
 * how it makes a proposer and a judge for a run. The run, the lab and the UI ask the engine
 * registry (`registry.ts`) and never switch on an engine's kind.
 */

/** The proposer and judge of one run, and what the engine's KV cache holds (if it says). */
export interface EngineParts<S, P> {
  proposer: StepProposer<S, P>;
  judge: StepJudge<S, P>;
  /** A probe of the engine's KV cache, for cache-aware scheduling (schedule.ts). */
  cache?: KvCacheProbe;
  /** 'naive' keeps the canonical request order even with a cache (to measure it). */
  schedule?: 'cache-aware' | 'naive';
  /** Independent requests in flight together (a server); absent: one at a time. */
  concurrency?: number;
}

/** What stands between a live engine and the search (continuing a run, run/resume.ts). */
export type EngineWrap = <S, P extends Problem>(
  live: EngineParts<S, P>,
  task: TaskEntry<S, P>['task'],
) => Pick<EngineParts<S, P>, 'proposer' | 'judge'>;

/** The model that made a run, as its run file records it (the tiny model's manifest). */
export interface RunModel {
  name: string;
  /** sha256 of the model file, 64 hex digits. */
  sha256: string;
}

/** What a run gives the engine besides its settings. */
export interface RunContext {
  /** The run's seed (engines that seed their requests per path use it). */
  seed: number;
  signal?: AbortSignal;
}

/** What an engine can do, for the UI and the scheduler to ask. */
export interface EngineCapabilities {
  /**
   * The same settings re-make the same events, byte for byte, with nothing loaded: a link
   * carries the run, a lab point re-makes its runs, and Continue simply runs it again.
   */
  reproducible: boolean;
  /**
   * A link carries its settings: the settings alone name a run this page can make again (the
   * simulated engine; the tiny model, which ships with the app). Model runs that need a model
   * the user loads or a server they connect travel as files.
   */
  linkable: boolean;
  /** No language model: the UI labels its output as simulated. */
  simulated: boolean;
  /** Its steps come with token log-probabilities (PUCT priors, a self-judge). */
  logprobs: boolean;
  /** It says what its KV cache holds (cache-aware order; prefill counted). */
  kvCacheProbe: boolean;
  /** Independent requests may be in flight together. */
  parallelRequests: boolean;
}

/**
 * An engine's declaration.
 * @typeParam T the engine's settings, with its `kind`
 */
export interface EngineDefinition<T extends { kind: string }> {
  readonly kind: T['kind'];
  /** What the UI calls it: "Simulated engine — no language model". */
  readonly label: string;
  /** This run's engine in words, for the badge and the summary ("… — Qwen3-0.6B"). */
  describe(settings: T): string;
  /** Its settings when first chosen. */
  readonly defaults: T;
  /** Its settings, described once. */
  readonly table: SettingsTable<Omit<T, 'kind'>>;
  readonly capabilities: EngineCapabilities;
  /** The judges it offers on a task (a subset of the table's judge choices). */
  judgesFor(task: AnyTaskEntry): readonly string[];
  /** Why it cannot run this task at all (the tiny model on word problems), or null. */
  taskProblem?(task: AnyTaskEntry): string | null;
  /** What the engine's judge is called in sentences ("the self-judge"). */
  readonly judgeNames?: Readonly<Record<string, string>>;
  /** Whole runs the effort lab may have in flight together (1 when absent: one GPU). */
  runsAtOnce?(settings: T): number;
  /**
   * What the engine recorded of the run it made last (a server's replies), for the run file's
   * `server` field; absent for engines whose events are the whole record.
   */
  lastRecording?(): RunRecording | null;
  /** The model that makes its runs now (recorded in the run file), or null when none is loaded. */
  model?(): RunModel | null;
  /**
   * The proposer and judge for a run of this task.
   * @throws Error with a reason a person can act on (no model loaded, another model)
   */
  create<S, P extends Problem>(
    settings: T,
    task: TaskEntry<S, P>,
    run: RunContext,
  ): EngineParts<S, P>;
}
