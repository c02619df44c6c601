import type { Checked, PreparedQuestion, QuestionAnswer } from '../lessons/questions';

/** This posing's answer: what was given and its verdict. */
export interface GivenAnswer {
  given: QuestionAnswer;
  result: Checked;
}

/** The question the class is answering now. */
export interface OpenQuestion {
  /** The lesson step's key, `"<chapterIndex>.<stepIndex>"`. */
  key: string;
  question: PreparedQuestion;
  /** The cursor it was posed at (events applied). */
  cursor: number;
  /** The answer given to this posing, or null while it is open. */
  answer: GivenAnswer | null;
  /** Why the last try could not be read ("Pick one of the highlighted children."), or null. */
  hint: string | null;
  /**
   * The verdict, the right answer and the working show. Without class mode that is as soon as
   * an answer is given; in class mode only once the teacher presses Reveal.
   */
  revealed: boolean;
}

/** What is kept of a question's answers, by key: the first try is the one the score counts. */
export interface KeptAnswer {
  firstRight: boolean;
  lastRight: boolean;
  tries: number;
}

/**
 * Questions for the class (issue 11): the one open now, class mode, and every question's
 * answers kept by key for the chapter scores. View state: never part of a run's record.
 */
export interface QuestionSlice {
  question: OpenQuestion | null;
  /** Why the last question could not be posed on the run ("no select event after event 41"). */
  questionError: string | null;
  /** Class mode: right/wrong and the working wait for Reveal (a room answering together). */
  classMode: boolean;
  answers: Readonly<Record<string, KeptAnswer>>;
}

/** The question slice: nothing asked, class mode off. */
export const createQuestionSlice = (): QuestionSlice => ({
  question: null,
  questionError: null,
  classMode: false,
  answers: {},
});

/** The answers with one more try at `key`: the first try stays the one that counts. */
export function keepAnswer(
  answers: Readonly<Record<string, KeptAnswer>>,
  key: string,
  right: boolean,
): Record<string, KeptAnswer> {
  const old = answers[key];
  return {
    ...answers,
    [key]: old
      ? { firstRight: old.firstRight, lastRight: right, tries: old.tries + 1 }
      : { firstRight: right, lastRight: right, tries: 1 },
  };
}

/** A chapter's score: questions right at the first try, answered, and asked in all. */
export interface Score {
  right: number;
  answered: number;
  total: number;
}

/** The score over a chapter's question keys (a key never answered counts in `total` only). */
export function scoreOf(
  answers: Readonly<Record<string, KeptAnswer>>,
  keys: readonly string[],
): Score {
  const unique = [...new Set(keys)];
  const kept = unique.map((k) => answers[k]).filter((a) => a !== undefined);
  return {
    right: kept.filter((a) => a.firstRight).length,
    answered: kept.length,
    total: unique.length,
  };
}
