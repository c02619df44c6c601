import { taskEntry } from '../core/tasks/registry';
import { engineFor } from '../engines/registry';
import type { EngineSettings, RunSettings, TaskId } from './settings';

/** The judges the engine offers on the task (its registry entry says). */
export function judgesFor(task: TaskId, engine: EngineSettings): readonly string[] {
  return engineFor(engine).judgesFor(taskEntry(task));
}

/**
 * Why the engine's judge cannot judge this task, or null when it can.
 * @example judgeProblem('word-problems', { ...DEFAULT_WEBLLM_ENGINE, judge: 'rule' })
 *   // 'Language model (web-llm) on Math word problems cannot use the rule judge: choose self or rollout.'
 */
export function judgeProblem(task: TaskId, engine: EngineSettings): string | null {
  const unfit = engineFor(engine).taskProblem?.(taskEntry(task)) ?? null;
  if (unfit !== null) return unfit;
  const allowed = judgesFor(task, engine);
  if (allowed.includes(engine.judge)) return null;
  const choices = allowed.join(' or ');
  return `${engineFor(engine).label} on ${taskEntry(task).label} cannot use the ${engine.judge} judge: choose ${choices}.`;
}

/**
 * The settings with an engine that fits the task: a judge the task does not allow (a model's
 * rule judge on word problems) becomes the engine's first judge there (the self-judge).
 */
export function fitEngineToTask(settings: RunSettings): RunSettings {
  const { engine, task } = settings;
  const allowed = judgesFor(task, engine);
  if (allowed.includes(engine.judge) || allowed[0] === undefined) return settings;
  return { ...settings, engine: { ...engine, judge: allowed[0] } as EngineSettings };
}
