/**
 * The seam between the search and a task domain: the rules of a task. Game of 24 implements it
 * with the numbers left as its state; math word problems with the steps written so far as
 * theirs and `selfVerifying: false` (their answer is hidden from the search and only used for
 * grading). What else a task brings (problems, prompts, reference steps, its simulated truth)
 * is its `TaskEntry` (entry.ts), registered in registry.ts.
 */

/** A problem of some task, identified within its bundled set. */
export interface Problem {
  readonly id: string;
}

/** How a finished line of reasoning ended. */
export interface Outcome {
  /** The final answer as text ('' when the line ended on an invalid step). */
  answer: string;
  correct: boolean;
  kind: 'solved' | 'wrong-answer' | 'invalid-step';
}

/** The result of applying a step's text to a state. */
export type StepCheck<S> = { valid: true; state: S } | { valid: false; reason: string };

/**
 * A task domain: parses and checks steps, detects final answers and grades them.
 * @typeParam S the state after some steps (e.g. the numbers left in Game of 24)
 * @typeParam P the problem type
 */
export interface Task<S, P extends Problem> {
  readonly id: string;
  readonly label: string;
  /**
   * Whether the search may use the grade of a final answer as a reward. True where the
   * answer checks itself (Game of 24: one number left and it is 24); false where the
   * correct answer is hidden from the search (word problems).
   */
  readonly selfVerifying: boolean;
  /** The root text: the problem statement as the tree shows it. */
  describe(problem: P): string;
  /** The state before any step. */
  initial(problem: P): S;
  /** Applies one step's text; an invalid step gives a reason a person can read. */
  applyStep(state: S, stepText: string, problem: P): StepCheck<S>;
  /** The outcome if `state` ends the line, or null if the line can go on. */
  outcome(state: S, problem: P): Outcome | null;
}

/** The outcome of a line that ended on an invalid step. */
export function invalidOutcome(): Outcome {
  return { answer: '', correct: false, kind: 'invalid-step' };
}
