/**
 * A whole line written greedily, as scripts/tiny/arbor_tiny/decode.py writes the manifest's
 * `greedy_checks`: steps until one number is left, a step the task rejects, or a step that
 * does not end (out of tokens or context).
 */
import { checkStep } from '../../core/tasks/game24/step';
import { rat } from '../../core/tasks/game24/rational';
import type { Rational } from '../../core/tasks/game24/rational';
import { greedy, startLine, writeStep } from './decode';
import type { TinyForward } from './forward';
import type { TinyManifest } from './manifest';
import type { TinyTokenizer } from './tokenizer';

export interface GreedyLine {
  steps: string[];
  /** The SPRM head's score of each step. */
  sprm: number[];
}

export async function greedyLine(
  forward: TinyForward,
  manifest: TinyManifest,
  tokenizer: TinyTokenizer,
  puzzle: readonly number[],
): Promise<GreedyLine> {
  let cursor = await startLine(forward, tokenizer, puzzle, manifest.vocab.length);
  let numbers: readonly Rational[] = puzzle.map((n) => rat(n));
  const steps: string[] = [];
  const sprm: number[] = [];
  for (;;) {
    const step = await writeStep(forward, manifest, tokenizer, cursor, greedy);
    steps.push(step.text);
    sprm.push(step.sprm);
    const check = step.ended ? checkStep(numbers, step.text) : null;
    if (check === null || !check.valid || check.state.numbers.length <= 1) break;
    if (step.after.kv.length >= manifest.shapes.max_len) break;
    numbers = check.state.numbers;
    cursor = step.after;
  }
  return { steps, sprm };
}
