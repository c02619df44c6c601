import type { GridSpec } from '../lab/types';
import { getPreset } from '../lab/presets';
import { compareTitles } from '../lessons/compareTitles';
import type { Lesson, LessonStep, LessonStepView } from '../lessons/lessonSchema';
import { lessonRunEvents } from '../lessons/runEvents';
import { closeComparison, openComparison } from './compareActions';
import type { Comparison } from './compareSlice';
import { setLabPage } from './labPage';
import { useArbor } from './store';

/**
 * Where a lesson step shows its run (issue 11): the tree (the visualizer, as the player left
 * it), the compare view (the step's run beside a second run of the lesson) or the effort lab
 * (a preset grid run). The player calls {@link showLessonView} once the step's run is loaded
 * and its cursor placed, and {@link leaveLessonView} when the lesson closes. Only what a
 * lesson opened is ever undone: a comparison or lab page the user opened stays.
 */

const get = useArbor.getState;

/** The comparison the lesson opened (closed only while it is still the one showing). */
let openedComparison: Comparison | null = null;
/** Whether the lesson put the lab page up (the visualizer showed before). */
let putLabUp = false;

/** A file under `public/`, as the page's server serves it. */
async function readPublic(path: string): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok) throw new Error(`it answered ${response.status}`);
  return response.text();
}

function closeOwnComparison(): void {
  if (openedComparison !== null && get().comparison === openedComparison) closeComparison();
  openedComparison = null;
}

function takeLabDown(): void {
  if (putLabUp && get().lab.page === 'lab') setLabPage('visualizer');
  putLabUp = false;
}

/** Undoes what the lesson's views opened (the comparison, the lab page), nothing else. */
export function leaveLessonView(): void {
  closeOwnComparison();
  takeLabDown();
}

/** Plain data as text with its keys sorted, so two equal values read the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Whether a grid of this spec is the preset on this task with this engine. */
function isPresetGrid(spec: GridSpec, preset: GridSpec): boolean {
  return canonical(spec) === canonical(preset);
}

/**
 * The compare view: both runs' events worked out away from the store, each side titled by
 * the settings that differ (the run keys when they do not, or a run is a file).
 */
async function showCompare(
  lesson: Lesson,
  step: LessonStep,
  other: string,
  isCurrent: () => boolean,
): Promise<string | null> {
  takeLabDown();
  const mine = lesson.runs[step.run];
  const theirs = lesson.runs[other];
  if (mine === undefined || theirs === undefined) {
    closeOwnComparison();
    return `view.with: no run "${mine === undefined ? step.run : other}" in the lesson`;
  }
  const [a, b] = await Promise.all([
    lessonRunEvents(mine, readPublic),
    lessonRunEvents(theirs, readPublic),
  ]);
  if (!isCurrent()) return null;
  if (!a.ok || !b.ok) {
    closeOwnComparison();
    return !a.ok
      ? `run: the run "${step.run}": ${a.error}`
      : `view.with: the run "${other}": ${b.ok ? '' : b.error}`;
  }
  const titles = (a.settings && b.settings && compareTitles(a.settings, b.settings)) || {
    left: step.run,
    right: other,
  };
  openComparison(
    { title: titles.left, events: a.events, task: a.settings?.task },
    { title: titles.right, events: b.events, task: b.settings?.task },
  );
  openedComparison = get().comparison;
  return null;
}

/**
 * The lab view: the preset run on the visualizer's task and the lab page shown. A grid of the
 * same preset (task, problems, strategies, budgets, seeds, experiment and engine) that is
 * running or finished is only shown, so stepping Back and Next does not run it again.
 */
async function showLab(
  preset: Extract<LessonStepView, { kind: 'lab' }>['preset'],
  isCurrent: () => boolean,
): Promise<string | null> {
  closeOwnComparison();
  const { startLabPreset, updateLabDraft } = await import('./labActions');
  if (!isCurrent()) return null;
  if (get().lab.page !== 'lab') {
    setLabPage('lab'); // first, so the draft takes the visualizer's simulated engine
    putLabUp = true;
  }
  const task = get().settings.task;
  const { grid, draft } = get().lab;
  const wanted: GridSpec = { ...getPreset(preset).spec(task), engine: draft.engine };
  const kept = grid !== null && ['running', 'paused', 'done'].includes(grid.status);
  if (kept && isPresetGrid(grid.spec, wanted)) return null;
  if (draft.task !== task) updateLabDraft({ task });
  const problems = startLabPreset(preset);
  return problems.length === 0 ? null : `view.preset: ${problems.join(' ')}`;
}

/**
 * Shows a lesson step in its view, after the player loaded the step's run into the store and
 * put the cursor at its anchor:
 * - `tree`: closes a comparison the lesson opened and, if the lesson put the lab up, goes
 *   back to the visualizer;
 * - `compare`: the step's run on the left, the run named by `with` on the right, in the
 *   page's comparison view (it computes both runs: nothing changes if `isCurrent()` turns
 *   false meanwhile, as when the class pressed Next again);
 * - `lab`: the effort lab with its preset run on the visualizer's task (a grid of that preset
 *   already running or finished is only shown).
 * @param isCurrent whether the step is still the one to show (checked after each wait)
 * @returns why the view could not be shown, in words with the step's field first
 *   (`view.with: the run "x": …`), or null
 */
export async function showLessonView(
  lesson: Lesson,
  step: LessonStep,
  isCurrent: () => boolean,
): Promise<string | null> {
  const view = step.view;
  switch (view.kind) {
    case 'tree':
      leaveLessonView();
      return null;
    case 'compare':
      return showCompare(lesson, step, view.with, isCurrent);
    case 'lab':
      return showLab(view.preset, isCurrent);
  }
}
