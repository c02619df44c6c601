import type { NodeId } from '../core/tree/events';
import type { Store } from './store';
import { useArbor } from './store';

/**
 * The tree's side of a select question (issue 11), in the first paint: whether a click picks
 * an answer, and the pick itself. Checking the answer (`./questionActions`, with the question
 * core) loads with the lesson player; a question is only ever open once it has loaded, so the
 * import below resolves at once.
 */

const get = useArbor.getState;

/** Whether a select question waits for a pick on the tree (its candidates are ringed). */
export function awaitsPick(s: Pick<Store, 'question'> = get()): boolean {
  const open = s.question;
  return open?.question.kind === 'select' && open.answer === null && !open.revealed;
}

type Answerer = (answer: { kind: 'select'; id: NodeId }) => boolean;
let answerer: Answerer = () => false;

/** Called once by `./questionActions` as it loads: the tree's picks answer through it. */
export function takePicks(answer: Answerer): void {
  answerer = answer;
}

function answerWith(id: NodeId): void {
  answerer({ kind: 'select', id });
}

/**
 * A click (or Enter) on a node of the tree while a select question waits: answers with that
 * node (a node that is not a candidate gets the question's hint to pick a ringed child).
 * @returns true when the question took the click (the tree then does nothing else with it)
 */
export function pickNode(id: NodeId): boolean {
  if (!awaitsPick()) return false;
  answerWith(id);
  return true;
}

/** Answers a select question with its `n`-th candidate (keys 1–9); false when there is none. */
export function pickCandidate(n: number): boolean {
  const open = get().question;
  if (!awaitsPick() || open?.question.kind !== 'select') return false;
  const candidate = open.question.candidates[n - 1];
  if (candidate === undefined) return false;
  answerWith(candidate.id);
  return true;
}
