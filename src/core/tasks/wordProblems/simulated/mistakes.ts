/**
 * The mistakes of the simulated word-problem model. Two kinds, as process-supervision work
 * tells them apart (the Blueprint survey, arXiv 2501.11223; MetaStone-S1, arXiv 2507.01951):
 * - a wrong step: valid arithmetic, wrong reasoning (an operator confused, a quantity
 *   misread, or the final answer taken from an intermediate result). A rule verifier passes
 *   it; the line carries it through to a wrong answer. The few wrong steps each step admits
 *   are always the same ones, so wrong answers recur and a majority vote can be fooled.
 * - a slip: the right equation with a wrong result (`7 * 6 = 43`), which the task rejects.
 */
import type { Rng } from '../../../rng';
import { answersMatch } from '../answer';
import { checkArithmetic } from '../arithmetic';
import type { Change, ExprToken, Op, ProblemPlan, WrittenStep } from './line';
import { answerStep, believedAnswer, formatValue, keyOf, parseEquation, renderStep } from './line';

/** How a small model confuses operators: the first is the likelier confusion. */
const CONFUSIONS: Record<Op, readonly Op[]> = {
  '+': ['-', '*'],
  '-': ['+'],
  '*': ['+', '/'],
  '/': ['*', '-'],
};

/** The relative weights of a step's wrong steps, first to last: the first one is popular. */
export const WRONG_WEIGHTS: readonly number[] = [0.5, 0.3, 0.2];

/** Values a wrong line may hold: finite, not huge, and not negative unless the reference is. */
function plausible(value: number, reference: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= 1e7 && (value >= 0 || reference < 0);
}

/** Where the reference would write after this change: every later step, to the answer. */
function leadsWrong(
  plan: ProblemPlan,
  position: number,
  values: ReadonlyMap<string, number>,
  step: WrittenStep,
): boolean {
  const { templates, problem } = plan;
  const ref = templates[position]?.equation;
  if (!ref || !plausible(step.value, ref.result) || checkArithmetic(step.text).length > 0)
    return false;
  const next = new Map(values).set(keyOf(ref.result), step.value);
  for (let k = position + 1; k < templates.length - 1; k++) {
    const t = templates[k];
    const eq = t?.equation;
    if (!t || !eq) continue;
    const later = renderStep(t, next);
    if (!later || !plausible(later.value, eq.result)) return false;
    if (later.text !== t.text && checkArithmetic(later.text).length > 0) return false;
    next.set(keyOf(eq.result), later.value);
  }
  return !answersMatch(believedAnswer(plan, next), problem.answer);
}

/** Operator confusions (first choices first) and misread quantities of a reference step. */
function changesOf(plan: ProblemPlan, position: number): Change[] {
  const eq = plan.templates[position]?.equation;
  if (!eq) return [];
  const ops: Change[][] = [[], []];
  const misreads: Change[] = [];
  const earlier = new Set(
    plan.templates.slice(0, position).map((t) => (t.equation ? keyOf(t.equation.result) : '')),
  );
  const operands = eq.tokens.filter((t) => t.kind === 'num').map((t) => t.value);
  const q = plan.questionNumbers;
  eq.tokens.forEach((t: ExprToken, index) => {
    if (t.kind === 'op') CONFUSIONS[t.op].forEach((to, j) => ops[j]?.push({ op: { index, to } }));
    if (t.kind !== 'num' || earlier.has(keyOf(t.value))) return;
    const at = q.findIndex((x) => keyOf(x) === keyOf(t.value));
    if (at < 0) return;
    for (let j = 1; j < q.length; j++) {
      const to = q[(at + j) % q.length] ?? t.value;
      if (!operands.some((o) => keyOf(o) === keyOf(to))) {
        misreads.push({ num: { index, to } });
        return;
      }
    }
  });
  const first = ops[0] ?? [];
  const out: Change[] = [];
  for (let i = 0; i < Math.max(first.length, misreads.length); i++) {
    const a = first[i];
    const b = misreads[i];
    if (a) out.push(a);
    if (b) out.push(b);
  }
  return [...out, ...(ops[1] ?? [])];
}

/**
 * The wrong steps the model may write at `position` of a line with these beliefs, likeliest
 * first (at most {@link WRONG_WEIGHTS}.length). Each is valid arithmetic and, continued
 * faithfully, ends on a wrong answer. At the last position: the answer taken from the latest
 * intermediate result that differs from the line's own answer. Memoised per problem.
 */
export function wrongSteps(
  plan: ProblemPlan,
  position: number,
  values: ReadonlyMap<string, number>,
): WrittenStep[] {
  const key = `${position}|${[...values].join(';')}`;
  const cached = plan.cache.get(key) as WrittenStep[] | undefined;
  if (cached) return cached;
  const { templates } = plan;
  const out: WrittenStep[] = [];
  if (position === templates.length - 1) {
    const answer = believedAnswer(plan, values);
    for (let k = position - 1; k >= 0; k--) {
      const ref = templates[k]?.equation;
      const v = ref ? (values.get(keyOf(ref.result)) ?? ref.result) : answer;
      if (keyOf(v) !== keyOf(answer) && !answersMatch(v, plan.problem.answer)) {
        out.push(answerStep(plan, v));
        break;
      }
    }
  } else {
    const template = templates[position];
    const faithful = template ? renderStep(template, values) : null;
    for (const change of changesOf(plan, position)) {
      if (!template || !faithful || out.length >= WRONG_WEIGHTS.length) break;
      const step = renderStep(template, values, change);
      if (!step || keyOf(step.value) === keyOf(faithful.value)) continue;
      if (out.some((s) => s.text === step.text)) continue;
      if (leadsWrong(plan, position, values, step)) out.push(step);
    }
  }
  if (plan.cache.size > 5000) plan.cache.clear();
  plan.cache.set(key, out);
  return out;
}

/**
 * An arithmetic slip: the step's result off by one (by more for large numbers, so that the
 * task's tolerance cannot forgive it). Null for a step with no equation (the final answer).
 */
export function slipStep(step: WrittenStep, rng: Rng): WrittenStep | null {
  const eq = parseEquation(step.text);
  if (!eq) return null;
  const size = Math.abs(eq.result);
  const delta = size < 1e5 ? 1 : 10 ** (Math.floor(Math.log10(size)) - 3);
  const value = eq.result + (rng.next() < 0.5 ? -delta : delta);
  const text =
    step.text.slice(0, eq.resultStart) + formatValue(value) + step.text.slice(eq.resultEnd);
  return { text, value };
}
