import { importedFacts, SOURCE_TOOL } from '../run/importedRun';
import type { Algorithm, SearchSettings } from '../core/search/settings';
import type { TraceEvent } from '../core/tree/events';
import type { RunFileV2, RunSource } from '../run/runFile';
import { taskLabel as registryTaskLabel } from '../core/tasks/registry';
import type { RunSettings, TaskId } from '../run/settings';

/** How a saved run ended, as the library lists it. */
export type RunResult =
  | { kind: 'answer'; answer: string; correct: boolean }
  | { kind: 'stopped' }
  | { kind: 'no-answer' };

/**
 * What the library lists about a saved run: small, so that listing hundreds of runs never
 * loads their events (those live in the `files` store under the same id).
 */
export interface RunMeta {
  id: string;
  /** The user's name for the run, else a default made from the task, problem and date. */
  name: string;
  task: TaskId;
  problemId: string;
  algorithm: Algorithm;
  /** The search's budget in words: "30 iterations", "width 3 × 3 expansions", "N = 8". */
  budget: string;
  result: RunResult;
  /** ISO 8601 time the run was made (the run file's `createdAt`). */
  createdAt: string;
  /** ISO 8601 time of the last save (the list is newest first by this). */
  savedAt: string;
  eventCount: number;
  /** The tool the tree was imported from, when it was not grown by Arbor. */
  source?: RunSource['kind'];
  /** An imported tree's question, from its file (its settings are Arbor's defaults). */
  question?: string;
  /** Same run, same key: saving it again updates its entry (see `dedupeKey`). */
  key: string;
}

const ALGORITHM_LABEL: Record<Algorithm, string> = {
  mcts: 'MCTS',
  beam: 'Beam search',
  'best-of-n': 'Best-of-N',
};

/** A task's name as the library shows it (known before the task's entry has loaded). */
export function taskLabel(task: TaskId): string {
  return registryTaskLabel(task);
}

/** An algorithm's name as the library shows it. */
export function algorithmLabel(algorithm: Algorithm): string {
  return ALGORITHM_LABEL[algorithm];
}

/** An import source's name as the library shows it. */
export function sourceLabel(kind: RunSource['kind']): string {
  return SOURCE_TOOL[kind];
}

/** The search's budget in words (MCTS iterations, beam width × expansions, best-of-N's N). */
export function budgetOf(search: SearchSettings): string {
  switch (search.algorithm) {
    case 'mcts':
      return `${search.iterations} iterations`;
    case 'beam':
      return `width ${search.beamWidth} × ${search.expansionsPerBeam} expansions`;
    case 'best-of-n':
      return `N = ${search.n}`;
  }
}

/**
 * How the run ended: the `done` event's answer; no answer when the search (or the imported
 * tool) named none; stopped when a run grown here ends without `done` (stopped or failed).
 */
export function resultOf(events: readonly TraceEvent[], imported: boolean): RunResult {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type !== 'done') continue;
    if (e.answer === null) return { kind: 'no-answer' };
    return { kind: 'answer', answer: e.answer, correct: e.correct };
  }
  return imported ? { kind: 'no-answer' } : { kind: 'stopped' };
}

/** A result in words: "24 (correct)", "stopped", "no answer". */
export function resultLabel(result: RunResult): string {
  if (result.kind === 'stopped') return 'stopped';
  if (result.kind === 'no-answer') return 'no answer';
  return `${result.answer} (${result.correct ? 'correct' : 'wrong'})`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as "2026-11-22 03:05" in local time (the time a person in front of it reads). */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'unknown date';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The name a run gets until the user renames it: "<task> <problem> · <algorithm> · <date>";
 * an imported tree: "<file name> · <tool> · <date>".
 */
export function defaultName(file: Pick<RunFileV2, 'settings' | 'createdAt' | 'source'>): string {
  const date = formatDate(new Date(file.createdAt));
  if (file.source) {
    const what = file.source.fileName ?? 'Imported tree';
    return `${what} · ${sourceLabel(file.source.kind)} · ${date}`;
  }
  const { task, problemId, search } = file.settings;
  return `${taskLabel(task)} ${problemId} · ${algorithmLabel(search.algorithm)} · ${date}`;
}

/** JSON with object keys sorted, so equal settings give equal text whatever the key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What makes two saves the same run: the same settings, the same number of events and the
 * same creation time. Saving a run again (it grew, or was saved twice) updates its entry.
 */
export function dedupeKey(file: Pick<RunFileV2, 'settings' | 'events' | 'createdAt'>): string {
  return `${stableJson(file.settings satisfies RunSettings)}|${file.events.length}|${file.createdAt}`;
}

/** The library's entry for a run file (`name` is the user's name when there is one). */
export function describeRun(
  file: RunFileV2,
  id: string,
  savedAt: Date,
  name: string = file.name ?? defaultName(file),
): RunMeta {
  const { settings, events } = file;
  const imported = file.source ? importedFacts(file.source, events) : null;
  return {
    id,
    name,
    task: settings.task,
    problemId: settings.problemId,
    algorithm: imported?.algorithm ?? settings.search.algorithm,
    budget: file.source ? 'imported' : budgetOf(settings.search),
    result: resultOf(events, file.source !== undefined),
    createdAt: file.createdAt,
    savedAt: savedAt.toISOString(),
    eventCount: events.length,
    ...(file.source ? { source: file.source.kind } : {}),
    ...(imported ? { question: imported.question } : {}),
    key: dedupeKey(file),
  };
}

/**
 * A saved run's title where runs are told apart (the comparison, its chooser): the name,
 * with the budget added when the name does not say it (a default name repeats the task and
 * problem, so two runs of one problem would read alike).
 * @example savedRunTitle({ name: 'Game of 24 g24-001 · MCTS · 2026-12-07 12:23', budget: '8 iterations' })
 * // 'Game of 24 g24-001 · MCTS · 2026-12-07 12:23 · 8 iterations'
 */
export function savedRunTitle(meta: Pick<RunMeta, 'name' | 'budget' | 'source'>): string {
  if (meta.source !== undefined || meta.name.includes(meta.budget)) return meta.name;
  return `${meta.name} · ${meta.budget}`;
}
