/**
 * The prompts of one task domain, for every engine that asks a language model (web-llm, the
 * tiny model, a server): a path is a conversation of turns (engines/webllm/conversation.ts).
 */
export interface TaskPrompts<P> {
  /** The instructions, naming the step delimiter. */
  system(delimiter: string): string;
  /** The question and a request for the first step. */
  firstUser(problem: P): string;
  /** The user turn asking for the next step. */
  readonly next: string;
  /** The user turn asking whether the last step is correct (answered with one token). */
  readonly judge: string;
  /**
   * The user turn asking for every remaining step up to the final answer (a one-request
   * rollout; the web-llm adapter writes rollouts step by step instead).
   */
  readonly finish: string;
}

/** The delimiter in words, for the instructions. */
export function delimiterInWords(delimiter: string): string {
  if (delimiter === '\n\n') return 'a blank line';
  if (delimiter === '\n') return 'a line break';
  return JSON.stringify(delimiter);
}

/** The judge question every task asks (answered with one token). */
export const JUDGE_QUESTION = 'Is the last step correct? Answer Yes or No.';
