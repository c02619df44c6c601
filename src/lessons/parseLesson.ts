import type { z } from 'zod';
import type { Lesson } from './lessonSchema';
import { lessonSchema } from './lessonSchema';
import { lessonSettings } from './lessonSettings';

/** A lesson as read from its text, or every reason it was refused (field paths first). */
export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; error: string };

/**
 * One schema problem as `field.path: message` (`(file)` for the top level). The same words as
 * the run importers' (importers/issues.ts), copied: the lessons layer may not import them.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)';
  return `${path}: ${issue.message}`;
}

/** The first three problems of a failed parse, and how many more there were. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return issues.slice(0, 3).map(describeIssue).join('; ') + more;
}

/**
 * Reads a lesson file: JSON text (or an already parsed value) checked against the lesson
 * schema, then every `settings` run read strictly (lessonSettings), so a typo in a run's query
 * is refused with its path (`runs.ucb.settings: "colour" is not a setting a link carries`)
 * rather than quietly playing another search. The tasks the runs name must be loaded first
 * (the store's allTasksOrError), or their puzzles cannot be checked. Never throws. The `say`
 * texts are returned as written: they are plain text, and the player shows them as text.
 * @example parseLesson('{"format":"arbor-lesson"}') // { ok: false, error: 'version: …' }
 */
export function parseLesson(input: unknown): ParsedLesson {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `(file): not JSON (${why})` };
    }
  }
  const parsed = lessonSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
  const lesson = parsed.data;
  for (const [key, run] of Object.entries(lesson.runs)) {
    if (!('settings' in run)) continue;
    const read = lessonSettings(run.settings);
    if (!read.ok) return { ok: false, error: `runs.${key}.settings: ${read.error}` };
  }
  return { ok: true, lesson };
}
