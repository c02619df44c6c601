import type { CheckpointedTrace } from '../core/tree/checkpoints';
import type { NodeId } from '../core/tree/events';
import type { Lesson, LessonStep } from '../lessons/lessonSchema';

/**
 * Where the open lesson came from: a bundled lesson (a link can name it by id), a file the
 * user opened (it cannot be linked: share the file), or a same-origin link to a lesson file.
 */
export type LessonSource =
  { kind: 'bundled'; id: string } | { kind: 'file'; name: string } | { kind: 'link'; url: string };

/** What a step left on screen, so the player can tell following the lesson from exploring. */
export interface LessonShown {
  /** The step's run (a new run, from any reset or import, is another trace). */
  trace: CheckpointedTrace;
  cursor: number;
  selectedId: NodeId | null;
}

/** A lesson being played. Chapter and step are 0-based here (1-based in the URL). */
export interface OpenLesson {
  lesson: Lesson;
  source: LessonSource;
  chapter: number;
  step: number;
  /** The step's run is being computed or fetched. */
  loading: boolean;
  /** Why the step could not be shown as written (its run failed, its anchor names no place). */
  stepError: string | null;
  /** What the step put on screen once loaded; null while it loads. */
  shown: LessonShown | null;
}

/**
 * The lesson player (issue 11): the lesson open, if any, and the words of the last lesson that
 * could not open (the page is untouched then). View state: never part of a run's record.
 */
export interface LessonSlice {
  lesson: OpenLesson | null;
  /** Why the last lesson asked for could not open (with the field's path), or null. */
  lessonError: string | null;
  /** The lesson picker (bundled lessons, "Open a lesson file…") is open. */
  lessonPickerOpen: boolean;
}

/** The lesson slice: no lesson. */
export const createLessonSlice = (): LessonSlice => ({
  lesson: null,
  lessonError: null,
  lessonPickerOpen: false,
});

/** The step the open lesson stands on, or null. */
export function currentStep(open: OpenLesson | null): LessonStep | null {
  return open?.lesson.chapters[open.chapter]?.steps[open.step] ?? null;
}

/**
 * Whether the user left the step to explore: the step's run, cursor or inspected node is no
 * longer what the step set (a seek, a node click, a settings change, an import). Coming back
 * to exactly the step's place by hand is following the lesson again.
 */
export function lessonExploring(s: {
  lesson: OpenLesson | null;
  trace: CheckpointedTrace;
  cursor: number;
  selectedId: NodeId | null;
}): boolean {
  const shown = s.lesson?.shown;
  if (!shown) return false;
  return s.trace !== shown.trace || s.cursor !== shown.cursor || s.selectedId !== shown.selectedId;
}

/** The step's highlighted node ids while its run shows (they name that run's nodes). */
export function lessonHighlight(s: {
  lesson: OpenLesson | null;
  trace: CheckpointedTrace;
}): readonly NodeId[] | null {
  const shown = s.lesson?.shown;
  if (!shown || shown.trace !== s.trace) return null;
  const step = currentStep(s.lesson);
  return step && step.highlight.length > 0 ? step.highlight : null;
}
