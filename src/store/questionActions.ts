import type { LessonQuestion } from '../lessons/lessonSchema';
import type { PrepareResult, QuestionAnswer } from '../lessons/questions';
import { checkAnswer, prepareQuestion } from '../lessons/questions';
import type { Score } from './questionSlice';
import { keepAnswer, scoreOf } from './questionSlice';
import { lessonExploring } from './lessonSlice';
import { takePicks } from './questionPicks';
import { runToEnd, seek } from './runActions';
import { useArbor } from './store';

/**
 * Questions for the class (issue 11) as module functions: the lesson player poses a step's
 * question on entering it and clears it on leaving; the question panel and the tree answer it.
 */

const get = useArbor.getState;
const set = useArbor.setState;

// A question is about one run: a new run (a reset, new settings, an import) closes it.
useArbor.subscribe((s, prev) => {
  if (s.trace !== prev.trace && (s.question !== null || s.questionError !== null)) clearQuestion();
});

/**
 * Poses a lesson step's question on the current run at the current cursor: its answer is
 * read off the run's next event of its kind ({@link prepareQuestion}). A live run not yet
 * recorded that far is searched to its end first (the cursor stays where it was). A question
 * the run cannot answer sets `questionError` and leaves no question open.
 * @param key the step's key, `"<chapterIndex>.<stepIndex>"`
 */
export async function poseQuestion(question: LessonQuestion, key: string): Promise<PrepareResult> {
  const cursor = get().cursor;
  let prepared = prepareQuestion(get().trace.all, cursor, question);
  if (!prepared.ok && !get().complete && get().error === null) {
    await runToEnd();
    seek(cursor);
    prepared = prepareQuestion(get().trace.all, cursor, question);
  }
  if (prepared.ok) {
    set({
      question: {
        key,
        question: prepared.question,
        cursor,
        answer: null,
        hint: null,
        revealed: false,
      },
      questionError: null,
    });
  } else set({ question: null, questionError: prepared.error });
  return prepared;
}

/** Closes the question (the player leaves its step). The answers kept stay. */
export function clearQuestion(): void {
  set({ question: null, questionError: null });
}

/** Whether the open lesson's step stands where the question was asked (not explored away). */
function followingLesson(cursor: number): boolean {
  const s = get();
  return s.lesson?.shown?.cursor === cursor && !lessonExploring(s);
}

/** The lesson's step now shows the run at `cursor` (its question answered on the tree). */
function followLessonAt(cursor: number): void {
  const lesson = get().lesson;
  const shown = lesson?.shown;
  if (lesson && shown) set({ lesson: { ...lesson, shown: { ...shown, cursor } } });
}

/** Shows the verdict and the working, and moves the cursor past the asked event (the tree shows what happened). */
export function revealAnswer(): void {
  const open = get().question;
  if (!open || open.revealed) return;
  set({ question: { ...open, revealed: true } });
  const at = open.question.eventIndex;
  if (at >= 0 && get().cursor <= at) {
    const following = followingLesson(open.cursor);
    seek(at + 1);
    // The lesson's step now shows its answer: that is still following the lesson.
    if (following) followLessonAt(get().cursor);
  }
}

/**
 * Answers the open question (once per posing): checks it, keeps it under the question's key
 * (the first try counts for the score) and, without class mode, reveals it at once. An answer
 * that cannot be read (not a number, not a candidate) only sets the hint.
 * @returns whether the answer was taken
 */
export function answerQuestion(answer: QuestionAnswer): boolean {
  const open = get().question;
  if (!open || open.answer !== null || open.revealed) return false;
  const result = checkAnswer(open.question, answer);
  if (!result.ok) {
    set({ question: { ...open, hint: result.error } });
    return false;
  }
  set({
    question: { ...open, answer: { given: answer, result }, hint: null },
    answers: keepAnswer(get().answers, open.key, result.right),
  });
  if (!get().classMode) revealAnswer();
  return true;
}

/** Class mode on or off; turning it off reveals an answer waiting for Reveal. */
export function setClassMode(on: boolean): void {
  set({ classMode: on });
  const open = get().question;
  if (!on && open?.answer) revealAnswer();
}

/** The score over a chapter's question keys: right at the first try, answered, asked. */
export function chapterScore(keys: readonly string[]): Score {
  return scoreOf(get().answers, keys);
}

takePicks(answerQuestion);
