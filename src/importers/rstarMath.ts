import { z } from 'zod';
import type { ForeignNode } from './foreignTree';

/**
 * rStar-Math's search tree as `MCTS.return_states()` writes it: one flat object keyed by
 * dotted tags (root `"0"`, its children `"0.1"`, `"0.2"`, their children `"0.1.1"` …), each
 * value the node's `state` dict (`text`, `extra_info` — `"question: …"` at the root — and the
 * tree's extra keys `action`, `action_input`, `final_answer`) plus `value`, `q_value`,
 * `visit_count` and, in later versions, `prior`.
 *
 * Source: microsoft/rStar, rStar-Math branch, `rstar_deepthink/agents/mcts.py`
 * (`return_states`) and `rstar_deepthink/agents/tree.py` / `nodes/base_node.py` (`tag: str =
 * "0"`, `state = {"text": "", "extra_info": ""}`), https://github.com/microsoft/rStar;
 * read here through copies indexed from public forks of that code.
 */
const TAG = /^0(\.\d+)*$/;

const state = z.looseObject({
  text: z.string(),
  extra_info: z.string().optional(),
  final_answer: z.string().optional(),
  /** rStar-Math's value model and terminal rewards are in [−1, 1]. */
  value: z.number().min(-1).max(1),
  q_value: z.number(),
  visit_count: z.number().int().nonnegative(),
  prior: z.number().min(0).max(1).optional(),
});

export type RStarStates = Record<string, z.infer<typeof state>>;

export const rstarSchema: z.ZodType<RStarStates> = z
  .record(z.string(), state)
  .refine((states) => '0' in states, { message: 'the root tag "0" is missing' });

/** What an rStar-Math tree does not carry. */
export const RSTAR_NOTE =
  'no phase-by-phase history: rStar-Math saves only the final tree; N and Q are shown as saved, ' +
  'and its value in [−1, 1] is shown as a PRM score rescaled to [0, 1] as (value + 1) / 2. ' +
  'Its final answers end lines, each marked "correctness unknown": the file has no reference answer to check them against.';

/**
 * The `final_answer`s rStar-Math writes when a line fails instead of answering
 * (`rstar_deepthink/constants.py`: NO_VALID_CHILD, TOO_MANY_STEPS — spelled "sove" there —
 * and TOO_MANY_CODE_ERRORS); such an end is shown as an invalid step with the message.
 */
const FAILURES: ReadonlySet<string> = new Set([
  'Fail to generate parsable text for next step.',
  'Fail to sove the problem within limited steps.',
  'Fail to solve the problem within limited steps.',
  'Too many consecutive steps have code errors.',
]);

/** How a node with a final answer ends: a failure, an answer checked, or correctness unknown. */
function endOf(finalAnswer: string, context: RStarContext): NonNullable<ForeignNode['end']> {
  if (FAILURES.has(finalAnswer.trim())) return { failed: finalAnswer.trim() };
  const { reference = null, same } = context;
  const correct = reference !== null && same ? same(finalAnswer, reference) : null;
  return { answer: finalAnswer, correct };
}

/** What a tree from rStar-Math's own output file carries, with its reference answer. */
export const RSTAR_RECORD_NOTE =
  'no phase-by-phase history: rStar-Math saves only the final tree; N and Q are shown as saved, ' +
  'and its value in [−1, 1] is shown as a PRM score rescaled to [0, 1] as (value + 1) / 2. ' +
  "Final answers are marked right or wrong against the record's reference answer (compared as " +
  'numbers or as text; rStar-Math also equates expressions, Arbor does not).';

/** The question at the root: `extra_info` without its `"question: "` prefix. */
function rootText(s: z.infer<typeof state>, question: string): string {
  const extra = s.extra_info ?? '';
  if (extra.startsWith('question: ')) return extra.slice('question: '.length);
  return extra || question || s.text;
}

/** What a record of rStar-Math's output file adds to its states. */
export interface RStarContext {
  /** The record's question, for a root that does not carry it. */
  question?: string;
  /** The reference answer final answers are checked against; "correctness unknown" without it. */
  reference?: string | null;
  /** Whether two answers are the same (rstarRecords.ts `sameAnswer`). */
  same?: (answer: string, reference: string) => boolean;
}

/**
 * The tagged states as foreign nodes. A tag's parent is the tag without its last part;
 * because tags name their whole lineage, parent links cannot form a cycle, but a tag whose
 * parent is missing is refused (by the tree check) with its tag as the place.
 */
export function rstarToNodes(
  states: RStarStates,
  context: RStarContext = {},
): ForeignNode[] | string {
  const tags = Object.keys(states)
    .map((tag) => ({ tag, parts: tag.split('.').map(Number) }))
    .sort(compareTags)
    .map((t) => t.tag);
  const index = new Map(tags.map((t, i) => [t, i]));
  const nodes: ForeignNode[] = [];
  for (const tag of tags) {
    if (!TAG.test(tag))
      return `${tag}: not a tag; a tag is "0" or a parent tag, a dot and a number (like "0.1.2")`;
    const s = states[tag] as z.infer<typeof state>;
    const cut = tag.lastIndexOf('.');
    const parentTag = cut < 0 ? null : tag.slice(0, cut);
    const parent = parentTag === null ? null : index.get(parentTag);
    if (parent === undefined) return `${tag}: its parent ${String(parentTag)} is not in the file`;
    nodes.push({
      parent,
      where: tag,
      text: parent === null ? rootText(s, context.question ?? '') : s.text,
      ...(s.prior !== undefined ? { prior: s.prior } : {}),
      N: s.visit_count,
      Q: s.q_value,
      ...(parent === null ? {} : { prm: (s.value + 1) / 2 }),
      ...(parent !== null && s.final_answer ? { end: endOf(s.final_answer, context) } : {}),
    });
  }
  return nodes;
}

interface SplitTag {
  tag: string;
  parts: number[];
}

/** Orders tags by their numbers part by part ("0.2" before "0.10"). */
function compareTags(a: SplitTag, b: SplitTag): number {
  const n = Math.min(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const d = (a.parts[i] as number) - (b.parts[i] as number);
    if (d !== 0) return d;
  }
  return a.parts.length - b.parts.length || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}
