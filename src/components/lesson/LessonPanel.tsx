import { useArbor } from '../../store';
import { currentStep, lessonExploring } from '../../store';
import type { OpenLesson } from '../../store';
import {
  backToLesson,
  closeLesson,
  goToLessonStep,
  lessonBack,
  lessonNext,
  questionKey,
} from '../../store/lessonActions';
import { ChapterScore } from './ChapterScore';
import { SayText } from './SayText';
import { BIG, PRIMARY } from './styles';

const SMALL_BUTTON =
  'inline-flex min-h-9 items-center rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 presentation:text-base';

/** Whether the open lesson is at its very first / very last step. */
function ends(open: OpenLesson): { first: boolean; last: boolean } {
  const chapters = open.lesson.chapters;
  const steps = chapters[open.chapter]?.steps.length ?? 0;
  return {
    first: open.chapter === 0 && open.step === 0,
    last: open.chapter === chapters.length - 1 && open.step === steps - 1,
  };
}

/** The question keys of a chapter (its steps that ask one), for its score. */
function chapterKeys(open: OpenLesson): string[] {
  const steps = open.lesson.chapters[open.chapter]?.steps ?? [];
  return steps.flatMap((s, i) => (s.question ? [questionKey(open.chapter, i)] : []));
}

/** Back and Next, with the keys that do the same in their tooltips. */
function StepButtons(props: { first: boolean; last: boolean; keys: string; nextLabel: string }) {
  return (
    <>
      <button
        type="button"
        className={SMALL_BUTTON}
        disabled={props.first}
        title={`Previous step (${props.keys})`}
        onClick={() => void lessonBack()}
      >
        ← Back
      </button>
      <button
        type="button"
        className={PRIMARY}
        disabled={props.last}
        title={`Next step (${props.keys})`}
        onClick={() => void lessonNext()}
      >
        {props.nextLabel}
      </button>
    </>
  );
}

/** Props of {@link LessonPanel}. */
export interface LessonPanelProps {
  /**
   * One band over another view (a compare step's two runs): the place, the words and Back /
   * Next only, so the runs keep the screen.
   */
  compact?: boolean;
}

/**
 * The lesson being played (issue 11): where the class is (chapter and step, a bar of the
 * chapter's steps to jump to), what the teacher says at this step, Back and Next (← / →,
 * or a clicker's Page Up / Page Down), the chapter's score at its last step and — once the
 * user has wandered off to explore — "Back to the lesson" (Backspace). Reads the store only.
 */
export function LessonPanel({ compact = false }: LessonPanelProps) {
  const open = useArbor((s) => s.lesson);
  const exploring = useArbor(lessonExploring);
  const step = currentStep(open);
  if (!open || !step) return null;
  const chapter = open.lesson.chapters[open.chapter];
  if (!chapter) return null;
  const { first, last } = ends(open);
  const lastOfChapter = open.step === chapter.steps.length - 1;
  if (compact) {
    return (
      <section
        aria-label="Lesson"
        data-testid="lesson-panel"
        className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border-2 border-orange-500 bg-orange-50 px-3 py-1.5 text-slate-900 dark:border-orange-400 dark:bg-slate-900 dark:text-slate-100"
      >
        <p
          className="text-sm font-semibold text-orange-800 dark:text-orange-300"
          data-testid="lesson-place"
        >
          Chapter {open.chapter + 1}/{open.lesson.chapters.length} · step {open.step + 1}/
          {chapter.steps.length}
        </p>
        <p className={`min-w-0 flex-1 text-base leading-snug ${BIG}`} data-testid="lesson-say">
          <SayText text={step.say} />
        </p>
        {open.stepError !== null && (
          <p role="alert" className="text-sm font-semibold text-red-700 dark:text-red-400">
            {open.stepError}
          </p>
        )}
        <StepButtons first={first} last={last} keys="Page Up / Page Down" nextLabel="Next →" />
      </section>
    );
  }
  return (
    <section
      aria-label="Lesson"
      data-testid="lesson-panel"
      className="flex flex-col gap-2 rounded border-2 border-orange-500 bg-orange-50 px-3 py-2 text-slate-900 dark:border-orange-400 dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="flex items-start gap-x-3">
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-orange-800 dark:text-orange-300 presentation:sr-only">
            <span className="sr-only">Lesson: </span>
            {open.lesson.title}
          </h2>
          <p
            className="text-sm font-semibold presentation:text-base"
            data-testid="lesson-place"
            aria-live="polite"
          >
            <span className="text-orange-800 dark:text-orange-300">
              Chapter {open.chapter + 1}/{open.lesson.chapters.length}
            </span>{' '}
            {chapter.title} · step {open.step + 1}/{chapter.steps.length}
          </p>
        </div>
        <button
          type="button"
          className={SMALL_BUTTON}
          aria-label="Close lesson"
          title="Leave the lesson (the run on screen stays)"
          onClick={closeLesson}
        >
          <span aria-hidden="true" className="presentation:hidden">
            Close lesson
          </span>
          <span aria-hidden="true" className="hidden presentation:inline">
            ✕
          </span>
        </button>
      </header>
      <ol aria-label="Steps of this chapter" className="flex gap-1">
        {chapter.steps.map((s, i) => (
          <li key={i} className="flex-1">
            <button
              type="button"
              aria-label={`Step ${i + 1}${s.question ? ' (a question)' : ''}`}
              aria-current={i === open.step ? 'step' : undefined}
              title={`Step ${i + 1}${s.question ? ': a question' : ''}`}
              className={`block h-2.5 w-full rounded-sm ${i === open.step ? 'bg-orange-600 dark:bg-orange-400' : i < open.step ? 'bg-orange-300 dark:bg-orange-800' : 'bg-slate-300 dark:bg-slate-700'} ${s.question ? 'outline-2 outline-offset-1 outline-amber-600 dark:outline-amber-300' : ''}`}
              onClick={() => void goToLessonStep({ chapter: open.chapter, step: i })}
            />
          </li>
        ))}
      </ol>
      <p className={`text-lg leading-snug ${BIG}`} data-testid="lesson-say">
        <SayText text={step.say} />
      </p>
      {open.loading && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Working out this step’s run…
        </p>
      )}
      {open.stepError !== null && (
        <p role="alert" className="text-sm font-semibold text-red-700 dark:text-red-400">
          This step cannot be shown as written: {open.stepError}
        </p>
      )}
      {lastOfChapter && <ChapterScore keys={chapterKeys(open)} />}
      <nav aria-label="Lesson steps" className="flex flex-wrap items-center gap-2">
        <StepButtons
          first={first}
          last={last}
          keys="← → or Page Up / Page Down"
          nextLabel={lastOfChapter && !last ? 'Next chapter →' : 'Next →'}
        />
        {exploring && (
          <button
            type="button"
            className={`${SMALL_BUTTON} border-orange-500 dark:border-orange-400`}
            title="The step’s run, event and node again (Backspace)"
            onClick={() => void backToLesson()}
          >
            ↩ Back to the lesson
          </button>
        )}
        <span className="text-xs text-slate-600 dark:text-slate-400 presentation:hidden">
          {exploring
            ? 'Exploring: ← → step phases; Page Up / Page Down move steps; Backspace comes back.'
            : '← → or a clicker move steps.'}
        </span>
      </nav>
    </section>
  );
}
