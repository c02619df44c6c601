/**
 * How a model's generation is cut back to one step: at the step delimiter, or at a length
 * limit. (What the model is asked is the task's prompts, src/core/tasks/wordProblems/
 * prompts.ts; how it is sent is each engine's business.)
 */

/** A generated step cut to size, and whether it was cut at the length limit. */
export interface CutStep {
  step: string;
  /** True when no delimiter came within `maxChars`: an endless step stopped at the limit. */
  truncated: boolean;
}

/** Length of `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function safeCut(text: string, max: number): number {
  if (max >= text.length) return text.length;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * Cuts a generation down to one step: leading whitespace and leading delimiters are skipped,
 * then the step runs to the first delimiter. With no delimiter within `maxChars`, the step
 * is cut at `maxChars` and marked truncated (an endless step stopped at the limit); a
 * shorter generation with no delimiter is a whole step (the model stopped by itself). An
 * empty delimiter never matches. The step is trimmed.
 * @example
 * cutStep('3 * 12 = 36.\n\nThe answer is 36.', '\n\n', 200); // {step: '3 * 12 = 36.', truncated: false}
 */
export function cutStep(generated: string, delimiter: string, maxChars: number): CutStep {
  if (typeof generated !== 'string') return { step: '', truncated: false };
  const limit = Number.isNaN(maxChars) ? 0 : Math.max(0, Math.floor(maxChars));
  let start = 0;
  for (let moved = true; moved;) {
    moved = false;
    while (start < generated.length && /\s/.test(generated.charAt(start))) {
      start++;
      moved = true;
    }
    if (delimiter !== '' && generated.startsWith(delimiter, start)) {
      start += delimiter.length;
      moved = true;
    }
  }
  const text = generated.slice(start);
  const at = delimiter === '' ? -1 : text.indexOf(delimiter);
  if (at >= 0 && at <= limit) return { step: text.slice(0, at).trim(), truncated: false };
  if (text.length <= limit) return { step: text.trim(), truncated: false };
  return { step: text.slice(0, safeCut(text, limit)).trim(), truncated: true };
}
