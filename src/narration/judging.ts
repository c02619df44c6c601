import type { TaskId } from '../core/tasks/registry';
import { taskEntry } from '../core/tasks/registry';
import type { ScoreEvent, ScoreEvidence, TerminalEvent } from '../core/tree/events';
import type { TerminalState } from '../core/tree/tree';
import { num } from './format';
import type { Scene } from './scene';
import { AGGREGATION_WORDS, aggregationOf, lineScore, nameOf, nodeOf, roundWords } from './scene';

/** Each judge's name as the UI writes it. */
export const JUDGE_NAME: Record<ScoreEvidence['judge'], string> = {
  rule: 'the rule verifier',
  'simulated-prm': 'the simulated PRM',
  rollout: 'rollout value',
  self: 'the self-judge',
  sprm: "the model's own SPRM head",
  imported: 'the imported tree',
};

/**
 * The evidence behind a PRM score in plain words: the verifier's verdict, the simulated
 * PRM's truth and noise, rollouts k/reached, or p(Yes)/p(No).
 * Where the task's rule check sees only the arithmetic (word problems) it says so, and where
 * the answer is hidden from the search, rollouts are counted by agreement with their majority
 * answer.
 * @example evidenceWords({ judge: 'rollout', k: 4, reached: 3 })
 *   // '3 of 4 rollouts from this step reached a correct answer'
 */
export function evidenceWords(evidence: ScoreEvidence, task: TaskId | null = null): string {
  const entry = task === null ? null : taskEntry(task);
  switch (evidence.judge) {
    case 'rule':
      if (entry?.rule.sees === 'arithmetic') {
        return evidence.valid
          ? 'the arithmetic in the step is right (the check cannot see whether the reasoning is)'
          : 'the arithmetic in the step is wrong';
      }
      if (!evidence.valid) return 'the step is invalid';
      return evidence.solvable
        ? 'the step is valid and the puzzle is still solvable'
        : 'the step is valid but the puzzle can no longer be solved';
    case 'simulated-prm': {
      const truth =
        evidence.truth === 1
          ? 'a good step (truth 1)'
          : evidence.truth === 0
            ? 'a bad step (truth 0)'
            : `truth ${num(evidence.truth)}`;
      return `${truth}, blurred by noise ${num(evidence.noise)}`;
    }
    case 'rollout':
      return entry !== null && !entry.task.selfVerifying
        ? `${evidence.reached} of ${evidence.k} rollouts from this step agreed with their majority answer`
        : `${evidence.reached} of ${evidence.k} rollouts from this step reached a correct answer`;
    case 'self':
      return `p(Yes) ${num(evidence.pYes)}, p(No) ${num(evidence.pNo)}; score = p(Yes) / (p(Yes) + p(No))`;
    case 'sprm':
      return `the score head on ${evidence.model}'s second-to-last layer where the step ends (trained from final answers only)`;
    case 'imported':
      return `the PRM value ${evidence.tool} saved (how it was judged is not in the file)`;
  }
}

/**
 * How a line ended, in a few words: "solved, answer 24", "wrong answer 23", "an invalid step",
 * "answer 72, correctness unknown".
 */
export function terminalWords(terminal: TerminalState): string {
  switch (terminal.kind) {
    case 'solved':
      return `solved, answer ${terminal.answer}`;
    case 'wrong-answer':
      return `wrong answer ${terminal.answer}`;
    case 'invalid-step':
      return 'an invalid step';
    case 'unknown':
      return terminal.answer === ''
        ? 'an end, correctness unknown'
        : `answer ${terminal.answer}, correctness unknown`;
  }
}

/** The trajectory score the line to `id` has now, for beam search and best-of-N. */
function lineNote(scene: Scene, id: number, what: string): string {
  const how = aggregationOf(scene);
  const score = lineScore(scene, id);
  if (how === null || score === null) return '';
  return ` The ${what}'s ${AGGREGATION_WORDS[how]} is now ${num(score)}.`;
}

/**
 * A PRM step score: which judge gave it, the score, its evidence; in beam search and
 * best-of-N also the line's aggregated score.
 * @example "PRM score of '4 - 6 = -2 (left: 8 8 -2)': 0.77 from the simulated PRM — a good
 *   step (truth 1), blurred by noise 0.2."
 */
export function narrateScore(event: ScoreEvent, scene: Scene): string {
  const head = `PRM score of ${nameOf(scene, event.node)}: ${num(event.score)} from ${JUDGE_NAME[event.evidence.judge]}`;
  const what = scene.after.algorithm === 'best-of-n' ? 'sample' : 'line';
  return `${head} — ${evidenceWords(event.evidence, scene.task)}.${lineNote(scene, event.node, what)}`;
}

/**
 * A node that ends a line: solved, a wrong answer, an invalid step with its reason, or (in a
 * tree from a file that saved no verdict) an answer whose correctness is unknown; in best-of-N
 * the sample's trajectory score (or that an invalid sample is dropped).
 */
export function narrateTerminal(event: TerminalEvent, scene: Scene): string {
  const name = nameOf(scene, event.node);
  const node = nodeOf(scene, event.node);
  let sentence: string;
  switch (event.kind) {
    case 'solved':
      sentence = `${name} solves the puzzle: answer ${event.answer}, ${event.correct ? 'correct' : 'marked wrong'}.`;
      break;
    case 'wrong-answer':
      sentence = `${name} ends the line with the answer ${event.answer}, which is ${event.correct ? 'correct' : 'wrong'}.`;
      break;
    case 'invalid-step': {
      const reason = node?.invalidReason ? ` (${node.invalidReason})` : '';
      sentence = `${name} is an invalid step${reason}, so the line ends here.`;
      break;
    }
    case 'unknown':
      sentence =
        event.answer === ''
          ? `${name} ends the line; the file does not say whether it is right (correctness unknown).`
          : `${name} ends the line with the answer ${event.answer}; the file does not say whether it is right (correctness unknown).`;
      break;
  }
  if (scene.after.algorithm !== 'best-of-n') return `Terminal: ${sentence}`;
  const sample = roundWords(scene, scene.after.iteration);
  if (event.kind === 'invalid-step') {
    return `${sample} ends: ${sentence} The sample gives no answer and takes no part in the pick.`;
  }
  const score = lineScore(scene, event.node);
  const how = aggregationOf(scene);
  const trajectory =
    score === null || how === null
      ? ''
      : ` Its trajectory score (${AGGREGATION_WORDS[how]}) is ${num(score)}.`;
  return `${sample} ends: ${sentence}${trajectory}`;
}
