import type { SetbackReason } from '../core/tree/backtracks';
import { BAD_VALUE, setbackReason } from '../core/tree/backtracks';
import type { BackpropEvent, BacktrackEvent, SimulateEvent } from '../core/tree/events';
import { QUOTE_SHORT, count, num, ordinal, quote } from './format';
import { terminalWords } from './judging';
import type { Scene } from './scene';
import { nameOf, nodeOf, roundWords } from './scene';

/** "from 'x'", noting when x is the new child the rule picks first rather than the leaf. */
function simulatedFrom(event: SimulateEvent, scene: Scene): string {
  const leaf = scene.before.selectionPath[scene.before.selectionPath.length - 1];
  const node = nodeOf(scene, event.from);
  const isNewChild = leaf !== undefined && node?.parent === leaf;
  return `from ${isNewChild ? 'the new child ' : ''}${nameOf(scene, event.from)}${isNewChild ? ' (the one the rule picks first)' : ''}`;
}

/** The rollout's steps as "'a' → 'b' → 'c'" (at most three, then a count). */
function rolloutSteps(steps: readonly string[]): string {
  const shown = steps.slice(0, 3).map((s) => quote(s, QUOTE_SHORT));
  if (steps.length > 3) shown.push(`${steps.length - 3} more`);
  return shown.join(' → ');
}

/**
 * Simulation: a rollout (its step count, answer and reward), the PRM value of the node, or
 * the known reward of a node that ends a line.
 */
export function narrateSimulate(event: SimulateEvent, scene: Scene): string {
  const head = `Iteration ${event.iteration} — simulation ${simulatedFrom(event, scene)}`;
  switch (event.mode) {
    case 'prm': {
      const prm = nodeOf(scene, event.from)?.prm ?? null;
      const unscored = prm === null ? ' (it has no PRM score, so 0)' : '';
      return `${head}: no rollout in PRM-value mode; its PRM score ${num(event.reward)} is the value${unscored}.`;
    }
    case 'known': {
      const terminal = nodeOf(scene, event.from)?.terminal;
      const how = terminal ? ` (${terminalWords(terminal)})` : '';
      return `${head}: it already ends a line${how}, so its known reward ${num(event.reward)} is the value; no rollout needed.`;
    }
    case 'rollout': {
      const ends =
        event.answer === null || event.answer === ''
          ? 'ends without a final answer'
          : `reaches the answer ${event.answer}`;
      const steps = event.steps.length > 0 ? ` (${rolloutSteps(event.steps)})` : '';
      return `${head}: a rollout of ${count(event.steps.length, 'step')}${steps} ${ends}: reward ${num(event.reward)}.`;
    }
  }
}

/**
 * Backpropagation: the value and each node's new N and Q along the path, leaf first and
 * the root last.
 * @example "Iteration 1 — backpropagation of value 0.77 up the path: '4 - 6 = -2 (left: 8…'
 *   now N 1, Q 0.77; the root N 1, Q 0.77."
 */
export function narrateBackprop(event: BackpropEvent, scene: Scene): string {
  const updates = event.updates.map((u, i) => {
    const Q = u.N > 0 ? u.W / u.N : 0;
    return `${nameOf(scene, u.id, QUOTE_SHORT)}${i === 0 ? ' now' : ''} N ${u.N}, Q ${num(Q)}`;
  });
  const path = updates.length > 0 ? updates.join('; ') : 'no nodes to update';
  return `Iteration ${event.iteration} — backpropagation of value ${num(event.value)} up the path: ${path}.`;
}

/** How the valued node of a setback ended: "ended in a wrong answer (23)", "was valued 0.12". */
function endedWords(reason: Extract<SetbackReason, { kind: 'went-badly' }>): string {
  const outcome = reason.outcome;
  if (outcome?.kind === 'wrong-answer') return `ended in a wrong answer (${outcome.answer})`;
  if (outcome?.kind === 'invalid-step') return 'ended on an invalid step';
  return `was valued only ${num(reason.value)}`;
}

/**
 * A backtrack. A setback (core/tree/backtracks.ts) says why: which line went badly, how
 * (a wrong answer, an invalid step, a low value), what that did to its Q against the sibling
 * that now leads, and where the search went back to. A change of line that is not a setback
 * says so. In beam search: the parent whose every child was pruned.
 * @example "Iteration 8 — backtrack to the root: the line under '8 / 8 = 1' went badly —
 *   '6 * 4 = 24' ended in a wrong answer (23), and the value 0 lowered its Q from 0.98 to
 *   0.65, below '4 - 6 = -2' (0.70); so the search went back to the root (the run's 2nd
 *   backtrack)."
 */
export function narrateBacktrack(event: BacktrackEvent, scene: Scene): string {
  const reason = setbackReason(scene.before, event);
  const nth = `the run's ${ordinal(scene.after.backtrackCount)} backtrack`;
  if (reason?.kind === 'all-pruned' || scene.after.algorithm === 'beam') {
    return `${roundWords(scene, event.iteration)} — backtrack at ${nameOf(scene, event.at)}: every child of it was pruned, so the search abandons this line (${nth}).`;
  }
  const head = `Iteration ${event.iteration}`;
  const at = nameOf(scene, event.at);
  if (reason === null) {
    const last = scene.before.lastBackprop?.value ?? null;
    const why =
      last !== null && last < BAD_VALUE
        ? 'its last value was low, but that did not cost it a lead over its siblings'
        : `its last result was not bad${last === null ? '' : ` (value ${num(last)})`}`;
    return `${head} — change of line at ${at}: this selection leaves the line grown last iteration (leaf ${nameOf(scene, event.abandoned, QUOTE_SHORT)}) to explore another branch; ${why}, so this is not a backtrack (change of line ${scene.after.lineChangeCount}).`;
  }
  const line = `the line under ${nameOf(scene, reason.branch, QUOTE_SHORT)}`;
  const what =
    reason.valued === reason.branch
      ? `${line} ${endedWords(reason)}`
      : `${line} went badly — ${nameOf(scene, reason.valued, QUOTE_SHORT)} ${endedWords(reason)}`;
  return `${head} — backtrack to ${at}: ${what}, and the value ${num(reason.value)} lowered its Q from ${num(reason.qBefore)} to ${num(reason.qAfter)}, below ${nameOf(scene, reason.rival, QUOTE_SHORT)} (Q ${num(reason.rivalQ)}); so the search went back to ${at} (${nth}).`;
}
