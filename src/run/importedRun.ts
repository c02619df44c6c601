import type { Algorithm } from '../core/search/settings';
import { TASK_IDS, taskEntry } from '../core/tasks/registry';
import type { TaskId } from '../core/tasks/registry';
import type { TraceEvent } from '../core/tree/events';
import type { RunSource } from './runFileTypes';

/**
 * What an imported tree is, read from the file rather than from Arbor's settings: an imported
 * run's file carries Arbor's default settings only because the run file needs some, so every
 * view that names the run (header, settings panel, summary, phase strip, library row) asks
 * here instead of the settings.
 */

/** The tools whose trees Arbor reads, as every view names them. */
export const SOURCE_TOOL: Record<RunSource['kind'], string> = {
  'llm-reasoners': 'llm-reasoners',
  openr: 'OpenR',
  'rstar-math': 'rStar-Math',
  'search-and-learn': 'search-and-learn',
};

/** What a view says about an imported run. */
export interface ImportedFacts {
  /** The tool that wrote the file: "rStar-Math". */
  tool: string;
  fileName: string | null;
  /** The question, from the file (its root node's text). */
  question: string;
  /** The algorithm the file records (its start event), or null when it has none. */
  algorithm: Algorithm | null;
}

/** The facts of an imported run from its source and events. */
export function importedFacts(source: RunSource, events: readonly TraceEvent[]): ImportedFacts {
  const start = events[0]?.type === 'start' ? events[0] : null;
  return {
    tool: SOURCE_TOOL[source.kind],
    fileName: source.fileName ?? null,
    question: start?.rootText.trim() ?? '',
    algorithm: start?.algorithm ?? null,
  };
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The bundled problem whose question is the imported one (same words, whitespace and case
 * aside), so "run this problem in Arbor" is offered only where Arbor has the problem.
 * @example matchBundledProblem('Use 4 6 8 8 with + − × ÷ to make 24.') // {task: 'game24', problemId: 'g24-001'}
 */
export function matchBundledProblem(question: string): { task: TaskId; problemId: string } | null {
  const wanted = normalise(question);
  if (wanted === '') return null;
  for (const task of TASK_IDS) {
    const entry = taskEntry(task);
    for (const { id } of entry.problems) {
      const problem = entry.getProblem(id);
      if (problem && normalise(entry.task.describe(problem)) === wanted) {
        return { task, problemId: id };
      }
    }
  }
  return null;
}
