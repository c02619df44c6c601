import type { TinyEngineSettings } from '../engines/tiny/settings';
import { maxHint } from '../run/hints';
import type { Algorithm, SearchSettings } from '../core/search/settings';
import type { ServerEngineSettings } from '../engines/server/settings';
import type {
  EngineKind,
  EngineSettings,
  RunSettings,
  SimulatedEngineSettings,
  TaskId,
  WebLlmEngineSettings,
} from '../run/settings';
import { DEFAULT_SEARCH } from '../core/search/settings';
import { engineOf } from '../engines/registry';
import { fitEngineToTask } from '../run/engineFit';
import { firstProblem } from '../run/settings';
import { runToEnd, setSettings } from './runActions';
import { useArbor } from './store';
import { withTask } from './taskLoading';

/** Search settings of one algorithm. */
export type SettingsOf<A extends Algorithm> = Extract<SearchSettings, { algorithm: A }>;

/** A partial change to the settings: nested search and engine settings merge field by field. */
export type SettingsPatch = Partial<Omit<RunSettings, 'search' | 'engine'>> & {
  search?: Partial<SearchSettings>;
  engine?: EnginePatch;
};

/** A partial change to one engine's settings (naming its kind, or the current one's). */
export type EnginePatch = {
  [K in EngineKind]: Partial<Extract<EngineSettings, { kind: K }>>;
}[EngineKind];

/** The last settings of each engine kind, so that switching back restores them. */
const lastEngine = new Map<EngineSettings['kind'], EngineSettings>();

/**
 * Merges an engine patch. A patch naming the other kind starts from that kind's last (or
 * default) settings; fields that kind does not have are dropped, so the result is always one
 * consistent engine's settings.
 */
function mergeEngine(current: EngineSettings, patch: EnginePatch): EngineSettings {
  const kind = patch.kind ?? current.kind;
  const defaults = engineOf(kind).defaults;
  const base = kind === current.kind ? current : (lastEngine.get(kind) ?? defaults);
  const known = Object.keys(defaults);
  const fields = Object.fromEntries(Object.entries(patch).filter(([k]) => known.includes(k)));
  return { ...base, ...fields, kind } as EngineSettings;
}

/**
 * Merges a patch into settings. A patch that names another algorithm starts from that
 * algorithm's defaults, so the result is always one consistent algorithm's settings.
 * @example mergeSettings(s, { seed: 7, search: { algorithm: 'beam', beamWidth: 4 } })
 */
export function mergeSettings(current: RunSettings, patch: SettingsPatch): RunSettings {
  const { search, engine, ...rest } = patch;
  let nextSearch: SearchSettings = current.search;
  if (search) {
    const algorithm = search.algorithm ?? current.search.algorithm;
    const base =
      algorithm === current.search.algorithm ? current.search : DEFAULT_SEARCH[algorithm];
    nextSearch = { ...base, ...search, algorithm } as SearchSettings;
  }
  return withHintInReach({
    ...current,
    ...rest,
    search: nextSearch,
    engine: engine ? mergeEngine(current.engine, engine) : current.engine,
  });
}

/**
 * Keeps a step hint within the problem's reference solution (another problem may have fewer
 * steps); no hint is written as an absent field, as in the run file.
 */
function withHintInReach(settings: RunSettings): RunSettings {
  const { hintSteps, ...rest } = settings;
  const j = Math.min(hintSteps ?? 0, maxHint(settings.task, settings.problemId));
  return j > 0 ? { ...rest, hintSteps: j } : rest;
}

/** Applies a settings patch and resets the run. */
export function updateSettings(patch: SettingsPatch): void {
  setSettings(mergeSettings(useArbor.getState().settings, patch));
}

/** Switches the algorithm, starting from its default parameters, and resets the run. */
export function setAlgorithm(algorithm: Algorithm): void {
  if (useArbor.getState().settings.search.algorithm === algorithm) return;
  updateSettings({ search: DEFAULT_SEARCH[algorithm] });
}

/** Changes parameters of the current algorithm `algorithm` (ignored for another) and resets. */
export function updateSearch<A extends Algorithm>(
  algorithm: A,
  patch: Partial<SettingsOf<A>>,
): void {
  if (useArbor.getState().settings.search.algorithm !== algorithm) return;
  updateSettings({ search: { ...patch, algorithm } as Partial<SearchSettings> });
}

/** Changes simulated-engine settings (ignored while another engine is chosen) and resets. */
export function updateEngine(patch: Partial<SimulatedEngineSettings>): void {
  if (useArbor.getState().settings.engine.kind !== 'simulated') return;
  updateSettings({ engine: { ...patch, kind: 'simulated' } });
}

/** Changes server engine settings (ignored while another engine is chosen) and resets. */
export function updateServer(patch: Partial<ServerEngineSettings>): void {
  if (useArbor.getState().settings.engine.kind !== 'server') return;
  updateSettings({ engine: { ...patch, kind: 'server' } });
}

/** Changes web-llm engine settings (ignored while another engine is chosen) and resets. */
export function updateWebLlm(patch: Partial<WebLlmEngineSettings>): void {
  if (useArbor.getState().settings.engine.kind !== 'webllm') return;
  updateSettings({ engine: { ...patch, kind: 'webllm' } });
}

/** Changes tiny-model engine settings (ignored while another engine is chosen) and resets. */
export function updateTiny(patch: Partial<TinyEngineSettings>): void {
  if (useArbor.getState().settings.engine.kind !== 'tiny') return;
  updateSettings({ engine: { ...patch, kind: 'tiny' } });
}

/**
 * Switches engine, restoring that engine's last settings, and resets the run. A judge the
 * task does not allow (a model's rule judge on word problems) gives way to the engine's
 * first judge there (the self-judge).
 * @param modelId for 'webllm': the model that was just loaded
 */
export function setEngineKind(kind: EngineKind, modelId?: string): void {
  if (kind === 'webllm' && modelId !== undefined) switchEngine({ kind, modelId });
  else switchEngine({ kind } as EnginePatch);
}

/**
 * Switches to an engine with some of its settings given (a model just loaded, a server just
 * connected), restoring that engine's last settings for the rest, and resets the run.
 */
export function switchEngine(patch: EnginePatch & { kind: EngineKind }): void {
  const { settings } = useArbor.getState();
  if (settings.engine.kind === patch.kind && Object.keys(patch).length === 1) return;
  if (settings.engine.kind !== patch.kind) lastEngine.set(settings.engine.kind, settings.engine);
  const next = mergeSettings(settings, { engine: patch });
  // Every engine writes every task, so switching engine keeps the task; a judge the task
  // lacks gives way to the engine's first one there.
  setSettings(fitEngineToTask(next));
}

/** Switches task domain, starting at its first problem, and resets the run. */
export function setTask(task: TaskId): void {
  if (useArbor.getState().settings.task === task) return;
  withTask(task, () => {
    const { settings } = useArbor.getState();
    setSettings(fitEngineToTask(mergeSettings(settings, { task, problemId: firstProblem(task) })));
  });
}

/**
 * Leaves an imported tree for a run Arbor grows itself, from the current settings — of the
 * imported problem where Arbor has it bundled — and runs it to its end, as the page's first
 * run is.
 */
export function runInArbor(problem: { task: TaskId; problemId: string } | null): void {
  withTask(problem?.task ?? useArbor.getState().settings.task, () => {
    const { settings } = useArbor.getState();
    setSettings(fitEngineToTask(problem ? mergeSettings(settings, problem) : settings));
    void runToEnd();
  });
}
