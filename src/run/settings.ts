import type { SearchSettings } from '../core/search/settings';
import { DEFAULT_MCTS } from '../core/search/settings';
import type { TaskId } from '../core/tasks/registry';
import { TASKS, taskEntry } from '../core/tasks/registry';
import type { EngineSettings } from '../engines/registry';
import { DEFAULT_SIMULATED_ENGINE } from '../engines/simulated/settings';

export type { TaskId } from '../core/tasks/registry';
export type { EngineKind, EngineSettings } from '../engines/registry';
export type { SimulatedEngineSettings } from '../engines/simulated/settings';
export type { WebLlmEngineSettings } from '../engines/webllm/settings';
export { DEFAULT_WEBLLM_ENGINE } from '../engines/webllm/settings';

/** Everything that determines a run: the same settings give the same events, byte for byte. */
export interface RunSettings {
  task: TaskId;
  problemId: string;
  search: SearchSettings;
  engine: EngineSettings;
  seed: number;
  /**
   * Step hints (StepHint, arXiv 2507.02841): the first j steps of the problem's reference
   * solution given as a fixed prefix; the search starts after them. Absent or 0: no hint.
   */
  hintSteps?: number;
}

/** The engine a first visit starts with: the simulated one. */
export const DEFAULT_ENGINE = DEFAULT_SIMULATED_ENGINE;

/** The first problem of a task, where switching task starts. */
export function firstProblem(task: TaskId): string {
  return taskEntry(task).problems[0]?.id ?? '';
}

export const DEFAULT_SETTINGS: RunSettings = {
  task: TASKS[0].id,
  problemId: firstProblem(TASKS[0].id),
  search: DEFAULT_MCTS,
  engine: DEFAULT_ENGINE,
  seed: 1,
};
