/**
 * What is wrong with a grid spec, in words a person can act on ([] = it can run). Checked
 * before a grid starts, so a grid never fails for a reason that was visible up front.
 */
import { supportsBudgetForcing } from '../engines/webllm/budgetForcingPrompt';
import { taskEntry } from '../core/tasks/registry';
import { judgeProblem } from '../run/engineFit';
import { isProblem } from '../run/problems';
import { maxHint } from '../run/hints';
import { isGridStrategy } from './strategies';
import type { GridSpec } from './types';

/** The largest budget k a grid may ask for (MCTS runs 2·k iterations). */
export const MAX_BUDGET = 1024;

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

function list(values: readonly unknown[], max = 5): string {
  const shown = values.slice(0, max).map(String).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

const isWhole = (n: number, min: number, max: number) =>
  Number.isInteger(n) && n >= min && n <= max;

function checkLists(spec: GridSpec, problems: string[]): void {
  const forcing = spec.experiment.kind === 'budget-forcing';
  if (spec.problemIds.length === 0) problems.push('Choose at least one problem.');
  if (spec.seeds.length === 0) problems.push('Choose at least one seed.');
  if (!forcing && spec.strategies.length === 0) problems.push('Choose at least one strategy.');
  if (!forcing && spec.budgets.length === 0) problems.push('Choose at least one budget.');
  const unknownProblems = spec.problemIds.filter((id) => !isProblem(id, spec.task));
  if (unknownProblems.length > 0) {
    problems.push(`Unknown problems for this task: ${list(unknownProblems)}.`);
  }
  const unknown = spec.strategies.filter((s) => !isGridStrategy(s));
  if (!forcing && unknown.length > 0) problems.push(`Unknown strategies: ${list(unknown)}.`);
  const badBudgets = spec.budgets.filter((k) => !isWhole(k, 1, MAX_BUDGET));
  if (!forcing && badBudgets.length > 0) {
    problems.push(`Budgets must be whole numbers from 1 to ${MAX_BUDGET}: ${list(badBudgets)}.`);
  }
  const badSeeds = spec.seeds.filter((s) => !isWhole(s, 0, 2 ** 32 - 1));
  if (badSeeds.length > 0) problems.push(`Seeds must be whole numbers ≥ 0: ${list(badSeeds)}.`);
  const named: [string, readonly (string | number)[]][] = [
    ['problem', spec.problemIds],
    ['strategy', forcing ? [] : spec.strategies],
    ['budget', forcing ? [] : spec.budgets],
    ['seed', spec.seeds],
  ];
  for (const [what, values] of named) {
    const twice = duplicates(values);
    if (twice.length > 0) problems.push(`Each ${what} once, please: ${list(twice)} repeats.`);
  }
}

function checkEngine(spec: GridSpec, problems: string[]): void {
  const problem = judgeProblem(spec.task, spec.engine);
  if (problem !== null) problems.push(problem);
}

function checkExperiment(spec: GridSpec, problems: string[]): void {
  const e = spec.experiment;
  const { engine } = spec;
  if (e.kind === 'prm-noise') {
    if (engine.kind !== 'simulated' || engine.judge !== 'simulated-prm') {
      problems.push('The PRM-noise experiment needs the simulated engine with the simulated PRM.');
    }
    if (e.noises.length === 0) problems.push('Give at least one PRM noise.');
    const bad = e.noises.filter((n) => !(Number.isFinite(n) && n >= 0 && n <= 1));
    if (bad.length > 0) problems.push(`PRM noise must be from 0 to 1: ${list(bad)}.`);
    const twice = duplicates(e.noises);
    if (twice.length > 0) problems.push(`Each PRM noise once, please: ${list(twice)} repeats.`);
  } else if (e.kind === 'step-hints') {
    if (e.levels.length === 0) problems.push('Give at least one hint level.');
    const bad = e.levels.filter((j) => !isWhole(j, 0, 64));
    if (bad.length > 0) problems.push(`Hint levels must be whole numbers ≥ 0: ${list(bad)}.`);
    const twice = duplicates(e.levels);
    if (twice.length > 0) problems.push(`Each hint level once, please: ${list(twice)} repeats.`);
    const top = Math.max(0, ...e.levels.filter((j) => Number.isInteger(j)));
    const short = spec.problemIds
      .filter((id) => isProblem(id, spec.task))
      .map((id) => ({ id, max: maxHint(spec.task, id) }))
      .filter((p) => p.max < top);
    if (short.length > 0) {
      const named = short.map((p) => `${p.id} (at most ${p.max})`);
      problems.push(
        `Hint level ${top} is beyond the reference solution of ${short.length} problem${short.length === 1 ? '' : 's'}: ${list(named, 3)}.`,
      );
    }
  } else if (e.kind === 'budget-forcing') {
    if (engine.kind !== 'webllm') {
      problems.push(
        'Budget forcing needs a language model (web-llm): load one in the Model panel.',
      );
    } else if (engine.modelId !== '' && !supportsBudgetForcing(engine.modelId)) {
      problems.push(
        `Budget forcing needs a model that thinks in <think> blocks (Qwen3); ${engine.modelId} does not.`,
      );
    }
    if (!taskEntry(spec.task).answersInWords) {
      problems.push(
        'Budget forcing runs on word problems: a thinking sample ends on one answer, which Game of 24 cannot check as a step.',
      );
    }
    if (e.thinkingBudgets.length === 0) problems.push('Give at least one thinking budget.');
    const bad = e.thinkingBudgets.filter((b) => !isWhole(b, 1, 32_768));
    if (bad.length > 0) {
      problems.push(`Thinking budgets must be whole numbers of tokens ≥ 1: ${list(bad)}.`);
    }
    const twice = duplicates(e.thinkingBudgets);
    if (twice.length > 0) {
      problems.push(`Each thinking budget once, please: ${list(twice)} repeats.`);
    }
  }
}

/**
 * The spec's problems as sentences; [] when it can run. Checks: empty lists; unknown
 * problems and strategies; budgets (whole, 1…{@link MAX_BUDGET}) and seeds; repeats; PRM noise
 * without the simulated PRM; budget forcing without a model; a hint level beyond a problem's
 * reference solution; a model on word problems with the rule judge. Word problems with the
 * simulated engine are fine.
 */
export function validateSpec(spec: GridSpec): string[] {
  const problems: string[] = [];
  checkLists(spec, problems);
  checkEngine(spec, problems);
  checkExperiment(spec, problems);
  return problems;
}
