/**
 * How the simulated word-problem model reads a line of steps. Every non-final reference step
 * of a bundled problem holds one equation `a op b … = c`; the model aligns the line with the
 * reference step by step and believes the results the line wrote, so a wrong result earlier
 * flows into the later equations (the line "carries its mistake through"). The step-level
 * view follows the process-supervision setting of the Blueprint survey (arXiv 2501.11223).
 */
import { extractFinalAnswer, formatNumber } from '../answer';
import type { WordProblem } from '../types';

/** An operator as the reference steps write it. */
export type Op = '+' | '-' | '*' | '/';

/** A token of an equation's computed side, with its place in the step text. */
export type ExprToken =
  | { kind: 'num'; value: number; start: number; end: number }
  | { kind: 'op'; op: Op; start: number }
  | { kind: 'paren'; open: boolean };

/** A step's equation: the computed side as tokens, and the written result. */
export interface Equation {
  tokens: ExprToken[];
  result: number;
  resultStart: number;
  resultEnd: number;
}

/** One reference step: its text and, for all but the last, its equation. */
export interface StepTemplate {
  text: string;
  equation: Equation | null;
}

/** A bundled problem as the simulated model sees it. */
export interface ProblemPlan {
  problem: WordProblem;
  templates: StepTemplate[];
  /** The numbers written in the question, in order (for misread quantities). */
  questionNumbers: number[];
  /** Memoised wrong-step candidates per line (wordMistakes.ts). */
  cache: Map<string, unknown>;
}

const EXPR_CHAR = /[\d.\s+\-*/()]/;
const RESULT = /^\s*(-?\d+(?:\.\d+)?)/;
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([+\-*/])|([()]))/y;

/** Splits a computed side into tokens; a `-` where a number is expected is its sign. */
function tokenize(text: string, offset: number): ExprToken[] | null {
  const tokens: ExprToken[] = [];
  let sign = false;
  let signStart = 0;
  TOKEN.lastIndex = 0;
  for (let at = 0; at < text.length; at = TOKEN.lastIndex) {
    const m = TOKEN.exec(text);
    if (!m) return text.slice(at).trim() === '' ? tokens : null;
    const [whole, num, op, paren] = m;
    const start = offset + m.index + whole.length - (num ?? op ?? paren ?? '').length;
    const prev = tokens.at(-1);
    const expectNumber = !prev || prev.kind === 'op' || (prev.kind === 'paren' && prev.open);
    if (num !== undefined) {
      const value = Number(num) * (sign ? -1 : 1);
      tokens.push({ kind: 'num', value, start: sign ? signStart : start, end: start + num.length });
      sign = false;
    } else if (op !== undefined) {
      if (op === '-' && expectNumber && !sign) {
        sign = true;
        signStart = start;
      } else tokens.push({ kind: 'op', op: op as Op, start });
    } else tokens.push({ kind: 'paren', open: paren === '(' });
  }
  return tokens;
}

/** Finds `expression = result` in a step, or null when it has none. */
export function parseEquation(text: string): Equation | null {
  const eq = text.indexOf('=');
  if (eq < 0) return null;
  let start = eq;
  while (start > 0 && EXPR_CHAR.test(text.charAt(start - 1))) start--;
  while (start < eq && !/[\d(-]/.test(text.charAt(start))) start++;
  const tokens = tokenize(text.slice(start, eq), start);
  const m = RESULT.exec(text.slice(eq + 1));
  if (!tokens || tokens.every((t) => t.kind !== 'op') || !m) return null;
  const written = m[1] ?? '';
  const resultEnd = eq + 1 + m[0].length;
  return { tokens, result: Number(written), resultStart: resultEnd - written.length, resultEnd };
}

/** Evaluates tokens with the usual precedence; NaN when malformed or dividing by zero. */
export function evaluate(tokens: readonly ExprToken[]): number {
  let i = 0;
  const primary = (): number => {
    const t = tokens[i++];
    if (t?.kind === 'num') return t.value;
    if (t?.kind === 'paren' && t.open) {
      const v = sum();
      const close = tokens[i++];
      return close?.kind === 'paren' && !close.open ? v : Number.NaN;
    }
    return Number.NaN;
  };
  const product = (): number => {
    let v = primary();
    for (let t = tokens[i]; t?.kind === 'op' && (t.op === '*' || t.op === '/'); t = tokens[i]) {
      i++;
      const r = primary();
      v = t.op === '*' ? v * r : r === 0 ? Number.NaN : v / r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    for (let t = tokens[i]; t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = tokens[i]) {
      i++;
      const r = product();
      v = t.op === '+' ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  return i === tokens.length ? v : Number.NaN;
}

/**
 * A computed value as the model writes it: exact when it has at most two decimals, else
 * rounded to two (`10 / 3` → "3.33", which the task's check accepts as rounded).
 */
export function formatValue(x: number): string {
  const r = Math.round(x * 100) / 100;
  if (Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x))) return formatNumber(r);
  return x.toFixed(2);
}

/** Key of a value in a line's substitution map. */
export const keyOf = (x: number): string => formatNumber(x);

const plans = new WeakMap<WordProblem, ProblemPlan>();

/** The parsed reference of a problem (computed once per problem object). */
export function planOf(problem: WordProblem): ProblemPlan {
  let plan = plans.get(problem);
  if (!plan) {
    const last = problem.steps.length - 1;
    plan = {
      problem,
      templates: problem.steps.map((text, k) => ({
        text,
        equation: k < last ? parseEquation(text) : null,
      })),
      questionNumbers: [...problem.question.matchAll(/\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?/g)]
        .map((m) => Number(m[0].replace(/,/g, '')))
        .filter((x) => Number.isFinite(x)),
      cache: new Map(),
    };
    plans.set(problem, plan);
  }
  return plan;
}

/**
 * What a line believes: reference result (by key) → the value the line wrote in its place.
 * Step k of the line stands for reference step k; a step whose equation cannot be read
 * leaves the belief as it was.
 */
export function lineValues(plan: ProblemPlan, steps: readonly string[]): Map<string, number> {
  const values = new Map<string, number>();
  const n = Math.min(steps.length, plan.templates.length - 1);
  for (let k = 0; k < n; k++) {
    const ref = plan.templates[k]?.equation;
    const text = steps[k] ?? '';
    if (!ref) continue;
    const own = text === plan.templates[k]?.text ? ref : parseEquation(text);
    if (own) values.set(keyOf(ref.result), own.result);
  }
  return values;
}

/** A step as written: its text and the value it states (its result, or its answer). */
export interface WrittenStep {
  text: string;
  value: number;
}

/** A change to a reference equation: an operator swapped, or an operand misread. */
export interface Change {
  op?: { index: number; to: Op };
  num?: { index: number; to: number };
}

/**
 * Reference step k written with the line's beliefs substituted into its operands (and an
 * optional change): the reference text itself when nothing differs, null when the value is
 * not finite.
 */
export function renderStep(
  template: StepTemplate,
  values: ReadonlyMap<string, number>,
  change: Change = {},
): WrittenStep | null {
  const eq = template.equation;
  if (!eq) return null;
  let changed = false;
  const tokens = eq.tokens.map((t, i): ExprToken => {
    if (t.kind === 'num') {
      const to = change.num?.index === i ? change.num.to : values.get(keyOf(t.value));
      if (to !== undefined && keyOf(to) !== keyOf(t.value)) {
        changed = true;
        return { ...t, value: to };
      }
    } else if (t.kind === 'op' && change.op?.index === i && change.op.to !== t.op) {
      changed = true;
      return { ...t, op: change.op.to };
    }
    return t;
  });
  if (!changed) return { text: template.text, value: eq.result };
  const value = evaluate(tokens);
  if (!Number.isFinite(value)) return null;
  const result = formatValue(value);
  let text = template.text.slice(0, eq.resultStart) + result + template.text.slice(eq.resultEnd);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    const old = eq.tokens[i];
    if (t?.kind === 'num' && old?.kind === 'num' && t.value !== old.value)
      text = text.slice(0, t.start) + formatValue(t.value) + text.slice(t.end);
    if (t?.kind === 'op' && old?.kind === 'op' && t.op !== old.op)
      text = text.slice(0, t.start) + t.op + text.slice(t.start + 1);
  }
  return { text, value: Number(result) };
}

/** The final step stating `value`: the reference text itself when it is the reference answer. */
export function answerStep(plan: ProblemPlan, value: number): WrittenStep {
  const ref = plan.templates.at(-1)?.text ?? '';
  const refAnswer = extractFinalAnswer(ref)?.value;
  if (refAnswer !== undefined && keyOf(refAnswer) === keyOf(value)) return { text: ref, value };
  return { text: `The answer is ${formatValue(value)}.`, value };
}

/** The answer a line's beliefs lead to: the reference answer with the line's value for it. */
export function believedAnswer(plan: ProblemPlan, values: ReadonlyMap<string, number>): number {
  return values.get(keyOf(plan.problem.answer)) ?? plan.problem.answer;
}
