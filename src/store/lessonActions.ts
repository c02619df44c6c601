import type { CheckpointedTrace } from '../core/tree/checkpoints';
import { resolveAnchor } from '../lessons/anchor';
import { bundledLesson, BUNDLED_LESSONS } from '../lessons/bundled';
import type { Lesson, LessonRun } from '../lessons/lessonSchema';
import { lessonSettings } from '../lessons/lessonSettings';
import { parseLesson } from '../lessons/parseLesson';
import type { LessonSource, OpenLesson } from './lessonSlice';
import { currentStep } from './lessonSlice';
import { leaveLessonView, showLessonView } from './lessonViews';
import { clearQuestion, poseQuestion } from './questionActions';
import { importRun, runToEnd, seek, setSettings } from './runActions';
import { useArbor } from './store';
import { allTasksOrError } from './taskLoading';
import { leaveCurrentRunUnsaved } from './unsavedRun';
import { selectNode, setShowAdvantages } from './viewActions';

/**
 * The lesson player's actions (issue 11). A step loads its run the way the page does — a
 * settings run is computed by the store's usual run path (setSettings, runToEnd), a bundled
 * run file is fetched and opened as an imported file is — then puts the cursor where the
 * step's anchor says, inspects its node and highlights its nodes. Loaded with the lesson
 * picker (not in the first paint). Lesson runs are not saved in the run library: they are the
 * lesson's, made again whenever it plays.
 */

const get = useArbor.getState;
const set = useArbor.setState;

/** Where a lesson comes from when it is asked for. */
export type LessonInput =
  | { kind: 'bundled'; id: string }
  | { kind: 'file'; name: string; text: string }
  | { kind: 'link'; url: string };

/** A place in a lesson (0-based). */
export interface LessonPlace {
  chapter: number;
  step: number;
}

/** Bumped by every open, step and close: only the newest one acts when its run arrives. */
let token = 0;
/** The trace each of the open lesson's runs was last shown in (reused while it is current). */
let runTraces = new Map<string, CheckpointedTrace>();
/** Bundled run files already fetched (their text), so going back to a step does not fetch. */
const fileTexts = new Map<string, string>();

/** The lesson's text or value from where it was asked for, or why it cannot be had. */
async function readInput(
  input: LessonInput,
): Promise<{ ok: true; value: unknown; source: LessonSource } | { ok: false; error: string }> {
  if (input.kind === 'file') {
    return { ok: true, value: input.text, source: { kind: 'file', name: input.name } };
  }
  if (input.kind === 'bundled') {
    const entry = bundledLesson(input.id);
    if (!entry) {
      const ids = BUNDLED_LESSONS.map((l) => l.id).join(', ');
      return { ok: false, error: `no bundled lesson "${input.id}" (there are: ${ids})` };
    }
    return { ok: true, value: await entry.load(), source: { kind: 'bundled', id: entry.id } };
  }
  // A link to a lesson file: this site's files only (no third-party fetch from a link).
  const here = globalThis.location?.href;
  let url: URL;
  try {
    url = new URL(input.url, here);
  } catch {
    return { ok: false, error: `"${input.url}" is not a link to a lesson file` };
  }
  if (here === undefined || url.origin !== new URL(here).origin) {
    return { ok: false, error: `"${input.url}" is on another site: open a lesson file instead` };
  }
  try {
    const response = await fetch(url);
    if (!response.ok) return { ok: false, error: `"${input.url}" answered ${response.status}` };
    return { ok: true, value: await response.text(), source: { kind: 'link', url: input.url } };
  } catch (error) {
    return { ok: false, error: `"${input.url}" could not be fetched (${String(error)})` };
  }
}

/** A short name of where a refused lesson came from, for its error. */
function inputLabel(input: LessonInput): string {
  if (input.kind === 'file') return input.name;
  return input.kind === 'bundled' ? `lesson "${input.id}"` : input.url;
}

/** The place clamped into the lesson (a link may name a chapter or step it does not have). */
function clampPlace(lesson: Lesson, place: LessonPlace): LessonPlace {
  const chapter = Math.max(0, Math.min(Math.floor(place.chapter), lesson.chapters.length - 1));
  const steps = lesson.chapters[chapter]?.steps.length ?? 1;
  return { chapter, step: Math.max(0, Math.min(Math.floor(place.step), steps - 1)) };
}

/**
 * Opens a lesson at a place (its first step by default) and shows that step. A lesson that
 * does not validate sets `lessonError` (with the field's path) and changes nothing else: the
 * run, the lesson already open and the view stay as they were.
 * @returns whether the lesson opened
 */
export async function openLesson(
  input: LessonInput,
  place: LessonPlace = { chapter: 0, step: 0 },
): Promise<boolean> {
  const mine = ++token;
  const read = await readInput(input);
  const tasksMissing = await allTasksOrError();
  if (mine !== token) return false;
  const parsed = !read.ok
    ? read
    : tasksMissing !== null
      ? { ok: false as const, error: tasksMissing }
      : parseLesson(read.value);
  if (!parsed.ok || !read.ok) {
    set({ lessonError: `${inputLabel(input)}: ${parsed.ok ? '' : parsed.error}` });
    return false;
  }
  const at = clampPlace(parsed.lesson, place);
  runTraces = new Map();
  set({
    lessonError: null,
    lessonPickerOpen: false,
    lesson: {
      lesson: parsed.lesson,
      source: read.source,
      ...at,
      loading: true,
      stepError: null,
      shown: null,
    },
  });
  await showStep(at.chapter, at.step);
  return true;
}

/** Updates the open lesson (nothing when none is open). */
function patchLesson(patch: Partial<OpenLesson>): void {
  const open = get().lesson;
  if (open) set({ lesson: { ...open, ...patch } });
}

/** Loads a lesson run into the store: computed from its settings, or its file fetched. */
async function loadRun(run: LessonRun): Promise<string | null> {
  if ('settings' in run) {
    const read = lessonSettings(run.settings);
    if (!read.ok) return read.error;
    setSettings(read.settings);
    leaveCurrentRunUnsaved();
    await runToEnd();
    return get().error;
  }
  let text = fileTexts.get(run.file);
  if (text === undefined) {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}${run.file}`);
      if (!response.ok) return `the run file ${run.file} answered ${response.status}`;
      text = await response.text();
    } catch (error) {
      return `the run file ${run.file} could not be fetched (${String(error)})`;
    }
    fileTexts.set(run.file, text);
  }
  const opened = await importRun(text, run.file.split('/').pop());
  if (!opened.ok) return `the run file ${run.file}: ${opened.error}`;
  leaveCurrentRunUnsaved(); // before the library's save, which waits for the next frame
  return null;
}

/**
 * Shows step `step` of chapter `chapter`: its run (reused when it is already the one
 * showing), the cursor at its anchor, its node inspected; its highlight follows from the
 * store (lessonHighlight).
 */
async function showStep(chapter: number, step: number): Promise<void> {
  const open = get().lesson;
  const target = open?.lesson.chapters[chapter]?.steps[step];
  if (!open || !target) return;
  const mine = ++token;
  clearQuestion(); // the step being left
  set({ lesson: { ...open, chapter, step, loading: true, stepError: null, shown: null } });
  const run = open.lesson.runs[target.run];
  if (run === undefined) return; // parseLesson refuses such a lesson
  let error: string | null = null;
  const kept = runTraces.get(target.run);
  if (kept === undefined || kept !== get().trace || !get().complete) {
    error = await loadRun(run);
    if (mine !== token) return;
    runTraces.set(target.run, get().trace);
  }
  const where = `chapters.${chapter}.steps.${step}`;
  if (error !== null) {
    patchLesson({ loading: false, stepError: `${where}: its run "${target.run}": ${error}` });
    return;
  }
  const anchor = resolveAnchor(get().trace.all, target.at);
  if (anchor.ok) seek(anchor.cursor);
  selectNode(target.inspect ?? null);
  setShowAdvantages(target.advantages ?? false);
  const { trace, cursor, selectedId } = get();
  patchLesson({
    loading: false,
    stepError: anchor.ok ? null : `${where}.at: ${anchor.error}`,
    shown: { trace, cursor, selectedId },
  });
  // Beside the tree: the compare view or the lab, when the step asks for one.
  const viewError = await showLessonView(open.lesson, target, () => mine === token);
  if (mine !== token) return;
  if (viewError !== null) patchLesson({ stepError: `${where}.${viewError}` });
  // The question is asked on the step's run at its cursor (its answer is the run's next event).
  if (target.question && anchor.ok) {
    await poseQuestion(target.question, questionKey(chapter, step));
    if (mine !== token) clearQuestion();
  }
}

/** The key a step's question is kept under for the chapter's score. */
export function questionKey(chapter: number, step: number): string {
  return `${chapter}.${step}`;
}

/** The place after (or before) the current step, across chapter ends; null past the ends. */
function neighbour(open: OpenLesson, by: 1 | -1): LessonPlace | null {
  const { chapters } = open.lesson;
  const steps = chapters[open.chapter]?.steps.length ?? 0;
  const step = open.step + by;
  if (step >= 0 && step < steps) return { chapter: open.chapter, step };
  const chapter = open.chapter + by;
  const into = chapters[chapter];
  if (!into) return null;
  return { chapter, step: by === 1 ? 0 : into.steps.length - 1 };
}

/** Goes to the next step (the next chapter's first after a chapter's last). */
export async function lessonNext(): Promise<void> {
  const open = get().lesson;
  const to = open && neighbour(open, 1);
  if (to) await showStep(to.chapter, to.step);
}

/** Goes to the previous step (the previous chapter's last before a chapter's first). */
export async function lessonBack(): Promise<void> {
  const open = get().lesson;
  const to = open && neighbour(open, -1);
  if (to) await showStep(to.chapter, to.step);
}

/** Goes to a place in the open lesson (clamped into it): the chapter list, a link. */
export async function goToLessonStep(place: LessonPlace): Promise<void> {
  const open = get().lesson;
  if (!open) return;
  const at = clampPlace(open.lesson, place);
  await showStep(at.chapter, at.step);
}

/** "Back to the lesson": the step's run, cursor and inspected node again, after exploring. */
export async function backToLesson(): Promise<void> {
  const open = get().lesson;
  if (open && currentStep(open)) await showStep(open.chapter, open.step);
}

/** Leaves the lesson: the run shown stays as it is, the highlight and the panel go. */
export function closeLesson(): void {
  token += 1;
  runTraces = new Map();
  clearQuestion();
  leaveLessonView();
  set({ lesson: null, lessonError: null });
}

/** Clears the words of a lesson that could not open. */
export function dismissLessonError(): void {
  set({ lessonError: null });
}
