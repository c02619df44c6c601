import { z } from 'zod';
import type { Algorithm } from '../core/search/settings';
import type { ForeignNode } from './foreignTree';
import { sameAnswer } from './records';

/**
 * huggingface/search-and-learn's results: its best-of-N, beam search and DVTS each return,
 * per problem, the columns `completions` (the N final texts), `scores` (per completion, the
 * PRM's score of each step; steps are the text between blank lines, as its PRMs split them),
 * `pred` (the completion its aggregation picked) and `completion_tokens`, added to the
 * dataset row (`problem`, and in MATH-500 `answer`) and saved with `Dataset.to_json` as one
 * JSON line per problem.
 *
 * Source: huggingface/search-and-learn `src/sal/search/best_of_n.py` (`x["completions"]`,
 * `x["scores"]`, `x["pred"]`, `x["completion_tokens"]`) and `beam_search.py` (the same four
 * columns from the completed beams), https://github.com/huggingface/search-and-learn; read
 * here through copies indexed from public forks of that code.
 */
export const salRowSchema = z.looseObject({
  problem: z.string(),
  answer: z.union([z.string(), z.number()]).optional(),
  completions: z.array(z.string()).min(1),
  scores: z.array(z.array(z.number().min(0).max(1))),
  pred: z.string().optional(),
});

/** One problem's row. */
export type SalRow = z.infer<typeof salRowSchema>;

/** Whether a value looks like a search-and-learn row (to name the closest format). */
export function looksLikeSalRow(value: Record<string, unknown>): boolean {
  return 'completions' in value && 'scores' in value;
}

/** What a search-and-learn tree carries and what it does not. */
export function salNote(row: SalRow, algorithm: Algorithm): string {
  const how =
    algorithm === 'beam'
      ? 'its completions share their first steps, so it is drawn as a beam search (the tree of the kept beams; pruned candidates are not in the file)'
      : 'its completions share no step, so it is drawn as best-of-N';
  const checked =
    row.answer === undefined
      ? 'It gives no reference answer, so each \\boxed{} answer is marked "correctness unknown".'
      : "Each completion's \\boxed{} answer is marked right or wrong against the row's answer (compared as numbers or as text).";
  const picked = row.pred === undefined ? -1 : row.completions.indexOf(row.pred);
  const pred = picked >= 0 ? ` Its pick (pred) is completion ${picked + 1}.` : '';
  return `no phase-by-phase history: search-and-learn saves only the completions with their PRM step scores; ${how}. ${checked}${pred}`;
}

/** The steps of a completion: the text between blank lines. */
function stepsOf(completion: string): string[] {
  return completion
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The last `\boxed{…}` of a text (braces nested), or null. */
export function boxedAnswer(text: string): string | null {
  const at = text.lastIndexOf('\\boxed{');
  if (at < 0) return null;
  let depth = 0;
  for (let i = at + '\\boxed'.length; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(at + '\\boxed{'.length, i);
  }
  return null;
}

/**
 * The completions as a tree: the problem at the root, each completion a line of its steps,
 * lines that begin with the same steps sharing those nodes (beam search's kept beams grew
 * from common parents). A step's PRM score is the file's; a line's last step ends with its
 * answer, checked against the row's where it has one.
 */
export function salToNodes(row: SalRow): { nodes: ForeignNode[] | string; algorithm: Algorithm } {
  const nodes: ForeignNode[] = [{ parent: null, where: 'problem', text: row.problem, N: 0, Q: 0 }];
  const child = new Map<string, number>();
  let shared = false;
  for (let c = 0; c < row.completions.length; c++) {
    const steps = stepsOf(row.completions[c] as string);
    const scores = row.scores[c] ?? [];
    let at = 0;
    for (let s = 0; s < steps.length; s++) {
      const key = `${at}\u0000${steps[s] as string}`;
      const known = child.get(key);
      if (known !== undefined) {
        shared = true;
        at = known;
        continue;
      }
      const score = scores[s];
      nodes.push({
        parent: at,
        where: `completions.${c}, step ${s + 1}`,
        text: steps[s] as string,
        N: 0,
        Q: 0,
        ...(score !== undefined ? { prm: score } : {}),
      });
      at = nodes.length - 1;
      child.set(key, at);
    }
    const answer = boxedAnswer(row.completions[c] as string);
    const end = nodes[at] as ForeignNode;
    if (at !== 0 && answer !== null && !end.end) {
      // A row without its reference answer leaves the answer's correctness unknown.
      const correct = row.answer === undefined ? null : sameAnswer(answer, String(row.answer));
      end.end = { answer, correct };
    }
  }
  if (nodes.length === 1)
    return { nodes: 'completions: no completion has a step', algorithm: 'best-of-n' };
  return { nodes, algorithm: shared ? 'beam' : 'best-of-n' };
}
