import { isProblem } from '../run/problems';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS } from '../run/settings';
import { PROPS, parseSettings, serializeSettings } from '../run/urlState';

/** A lesson run's settings, or what in its query is wrong. */
export type LessonSettingsResult =
  { ok: true; settings: RunSettings } | { ok: false; error: string };

const KNOWN = new Set(PROPS.map((p) => p.key));

/**
 * A lesson run's settings from its link query, strictly: where a page link quietly falls back
 * to a default (urlState's parseSettings never throws), a lesson must say what it got wrong,
 * or a class would watch a different search than the teacher wrote. Every key must be one a
 * link carries, and every value must survive the round trip through the settings tables (in
 * range, one of the choices, a bundled problem of the task). The task's problems must be
 * loaded (registry loadTask) before the problem can be checked.
 * @example lessonSettings('algo=mcts&c=9') // { ok: false, error: '"c=101" is not allowed: …' }
 */
export function lessonSettings(query: string): LessonSettingsResult {
  const params = new URLSearchParams(query);
  for (const key of params.keys()) {
    if (!KNOWN.has(key)) return { ok: false, error: `"${key}" is not a setting a link carries` };
  }
  const settings = parseSettings(params, { defaults: DEFAULT_SETTINGS });
  const written = new URLSearchParams(serializeSettings(settings));
  for (const [key, raw] of params) {
    const kept = written.get(key);
    if (kept === null) {
      return {
        ok: false,
        error: `"${key}" does not apply to these settings (algo=${settings.search.algorithm})`,
      };
    }
    if (kept !== raw && Number(kept) !== Number(raw)) {
      return {
        ok: false,
        error: `"${key}=${raw}" is not allowed: out of range or not one of the choices`,
      };
    }
  }
  if (!isProblem(settings.problemId, settings.task)) {
    return { ok: false, error: `no puzzle "${settings.problemId}" in task ${settings.task}` };
  }
  return { ok: true, settings };
}
