/**
 * Self-correction written inside a step ("Wait", "Let me re-check", a `<backtrack>` token):
 * Arbor marks it as in-text backtracking, beside the search's own backtracking points.
 */
const IN_TEXT_BACKTRACK =
  /<backtrack>|\bwait\b|\blet me (re-?check|reconsider|try again|start over)\b|\bon second thought\b/i;

/** Whether a step's text corrects itself. */
export function hasInTextBacktrack(text: string): boolean {
  return IN_TEXT_BACKTRACK.test(text);
}
