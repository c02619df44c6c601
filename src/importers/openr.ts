import { z } from 'zod';
import type { ForeignNode } from './foreignTree';

/**
 * OpenR's search tree as `LanguageNode.to_json()` writes it: each node is
 * `{ info, children }`, `children` keyed by the step text (the action), `info` from
 * `Node.get_info()` / `LanguageNode.get_info()`: `visit_cnt`, `value` (value_sum / visits,
 * or the initial value when unvisited), `prior_p`, `initial_value`, `terminated`, and
 * `last_action` + `prm_value` below the root, `text_state` at the root. `terminated` marks a
 * node that ends a line (`set_as_terminate_node`, when the environment's step reports the
 * episode over); nothing in the node says whether its answer is right.
 *
 * Source: openreasoner/openr `reason/guided_search/tree.py` (commit be9a0771ab2d…, classes
 * `Node` and `LanguageNode`, `SearchTree.from_json` reads the same fields back),
 * https://github.com/openreasoner/openr/blob/main/reason/guided_search/tree.py
 */
const info = z.looseObject({
  visit_cnt: z.number().int().nonnegative(),
  value: z.number(),
  prior_p: z.number().min(0).max(1),
  initial_value: z.number().optional(),
  terminated: z.boolean().optional(),
  last_action: z.string().nullable().optional(),
  /** A PRM probability; a value outside [0, 1] is refused rather than clamped. */
  prm_value: z.number().min(0).max(1).nullable().optional(),
  text_state: z.string().nullable().optional(),
});

/** One OpenR node as saved. */
export interface OpenRNode {
  info: z.infer<typeof info>;
  children: Record<string, OpenRNode>;
}

export const openrSchema: z.ZodType<OpenRNode> = z.lazy(() =>
  z.object({ info, children: z.record(z.string(), openrSchema) }),
);

/** What an OpenR tree does not carry. */
export const OPENR_NOTE =
  'no phase-by-phase history: OpenR saves only the final tree; N, Q, prior and PRM values are shown as saved. ' +
  'Its terminated nodes are shown as ends of lines, with the answer read after "The answer is"; the file does ' +
  'not say which are correct, nor which answer the search returned, so each end is marked "correctness unknown".';

/**
 * The answer a terminated step states: what follows its last "The answer is" (OpenR's MATH
 * environment writes "The answer is: X ки", `envs/MATH/env.py` `ANS_RE`), without the step tag
 * ` ки` or a final period; '' when the step states none.
 * @example openrAnswer('48 + 24 = 72 clips. The answer is 72.') // '72'
 */
export function openrAnswer(step: string): string {
  const at = step.lastIndexOf('The answer is');
  if (at < 0) return '';
  return step
    .slice(at + 'The answer is'.length)
    .replace(/^:/, '')
    .replace(/ки\s*$/, '')
    .trim()
    .replace(/\.$/, '')
    .trim();
}

/** The OpenR tree as foreign nodes, parents first (an explicit stack, no recursion). */
export function openrToNodes(root: OpenRNode): ForeignNode[] {
  const nodes: ForeignNode[] = [];
  const stack: { node: OpenRNode; parent: number | null; name: string; where: string }[] = [
    { node: root, parent: null, name: '', where: '(root)' },
  ];
  while (stack.length > 0) {
    const { node, parent, name, where } = stack.pop() as (typeof stack)[number];
    const index = nodes.length;
    const text = parent === null ? (node.info.text_state ?? '') : (node.info.last_action ?? name);
    nodes.push({
      parent,
      where,
      text,
      prior: node.info.prior_p,
      N: node.info.visit_cnt,
      Q: node.info.value,
      ...(typeof node.info.prm_value === 'number' ? { prm: node.info.prm_value } : {}),
      // OpenR marks an end (`terminated`) but saves no verdict on it.
      ...(node.info.terminated === true
        ? { end: { answer: openrAnswer(text), correct: null } }
        : {}),
    });
    const names = Object.keys(node.children);
    for (let i = names.length - 1; i >= 0; i--) {
      const childName = names[i] as string;
      stack.push({
        node: node.children[childName] as OpenRNode,
        parent: index,
        name: childName,
        where: `${where === '(root)' ? '' : `${where}.`}children.${childName}`,
      });
    }
  }
  return nodes;
}
