import type { Problem } from '../tasks/task';
import type {
  BacktrackEvent,
  DoneEvent,
  ExpandEvent,
  NodeId,
  SelectLevel,
  SimulateEvent,
} from '../tree/events';
import { ZERO_COST, addCost } from '../tree/events';
import type { BookNode, SearchContext } from './book';
import { SearchBook } from './book';
import type { MctsSettings } from './settings';
import type { Pending, SearchProgram } from './program';
import { call } from './program';
import { chooseChild } from './ucb';

/**
 * Monte Carlo Tree Search over reasoning steps (Kocsis & Szepesvári 2006; Browne et al. 2012
 * survey; PUCT as in AlphaZero, Silver et al. 2017, and OpenR). Each iteration yields exactly
 * four phase events in order — select, expand, simulate, backprop — with backtrack, score and
 * terminal events between them where they apply:
 *
 * 1. **Select**: from the root, while the node has children and does not end a line, move to
 *    the child the rule (UCT or PUCT) scores highest.
 * 2. **Expand**: ask the proposer for `childrenPerExpansion` steps below the selected leaf
 *    (skipped for a terminal node, at `maxDepth`, or when nothing is proposed). In PRM mode
 *    each new child is scored by the judge (with a KV cache probe, the child the cache holds
 *    first: `SearchBook.scoreAll`; the score events keep child order).
 * 3. **Simulate**: from the new child the rule would pick first — under UCT the first child,
 *    under PUCT the one with the largest prior — (or the leaf itself, when
 *    nothing was added): its known reward if it ends a line; otherwise a rollout to a final
 *    answer (`valueMode: 'rollout'`) or its PRM score (`valueMode: 'prm'`).
 * 4. **Backprop**: add 1 to N and the value to W on every node from there up to the root.
 *
 * The search returns the answer at the end of the most-visited path, or else the visited
 * terminal with the best Q.
 */
export function* mcts<S, P extends Problem>(
  ctx: SearchContext<S, P>,
  settings: MctsSettings,
): SearchProgram {
  const book = new SearchBook(ctx);
  const { rule, c } = settings;
  const root = book.node(0);
  yield { type: 'start', algorithm: 'mcts', rootText: root.text };

  let previousLeaf: NodeId | null = null;
  for (let iteration = 1; iteration <= settings.iterations; iteration++) {
    if (ctx.signal?.aborted) return;

    // 1. Selection.
    const path: NodeId[] = [0];
    const levels: SelectLevel[] = [];
    let leaf = root;
    while (leaf.children.length > 0 && leaf.outcome === null) {
      const level = chooseChild(
        leaf.id,
        leaf.N,
        leaf.children.map((id) => book.node(id)),
        rule,
        c,
      );
      levels.push(level);
      leaf = book.node(level.winner);
      path.push(leaf.id);
    }
    yield { type: 'select', iteration, rule, c, path, levels };
    const backtrack = backtrackPoint(book, previousLeaf, path, iteration);
    if (backtrack) yield backtrack;
    previousLeaf = leaf.id;

    // 2. Expansion.
    const expand: ExpandEvent = {
      type: 'expand',
      iteration,
      node: leaf.id,
      children: [],
      cost: ZERO_COST,
    };
    if (leaf.outcome !== null) expand.skipped = 'terminal';
    else if (leaf.depth >= settings.maxDepth) expand.skipped = 'max-depth';
    else {
      const proposal = yield* call(
        ctx.proposer.propose(book.proposerContext(leaf.id), settings.childrenPerExpansion),
      );
      expand.cost = proposal.cost;
      if (proposal.steps.length === 0) expand.skipped = 'no-proposals';
      else {
        const added = book.addChildren(leaf.id, proposal.steps);
        expand.children = added.children;
        yield expand;
        if (settings.valueMode === 'prm') yield* book.scoreAll(added.children.map((ch) => ch.id));
        yield* added.terminals;
      }
    }
    if (expand.skipped) yield expand;

    // 3. Simulation.
    let target = leaf;
    if (leaf.children.length > 0 && expand.children.length > 0) {
      // The child the rule would pick first, counting the visit this iteration is making.
      const first = chooseChild(
        leaf.id,
        leaf.N + 1,
        leaf.children.map((id) => book.node(id)),
        rule,
        c,
      );
      target = book.node(first.winner);
    }
    const simulate = yield* simulateFrom(book, target, settings, iteration);
    yield simulate;

    // 4. Backpropagation, leaf first.
    const updates: { id: NodeId; N: number; W: number }[] = [];
    for (
      let cur: BookNode<S> | null = target;
      cur;
      cur = cur.parent === null ? null : book.node(cur.parent)
    ) {
      cur.N += 1;
      cur.W += simulate.reward;
      updates.push({ id: cur.id, N: cur.N, W: cur.W });
    }
    yield { type: 'backprop', iteration, value: simulate.reward, updates };
  }
  yield chooseAnswer(book);
}

/** DESIGN.md's backtracking point: where this path leaves the line the last iteration grew. */
function backtrackPoint<S, P extends Problem>(
  book: SearchBook<S, P>,
  previousLeaf: NodeId | null,
  path: readonly NodeId[],
  iteration: number,
): BacktrackEvent | null {
  if (previousLeaf === null || path.includes(previousLeaf)) return null;
  const previousPath = book.pathTo(previousLeaf);
  let at = 0;
  for (
    let i = 0;
    i < Math.min(path.length, previousPath.length) && path[i] === previousPath[i];
    i++
  ) {
    at = path[i] as NodeId;
  }
  return { type: 'backtrack', iteration, at, abandoned: previousLeaf };
}

function* simulateFrom<S, P extends Problem>(
  book: SearchBook<S, P>,
  target: BookNode<S>,
  settings: MctsSettings,
  iteration: number,
): Generator<Pending, SimulateEvent, unknown> {
  const base = {
    type: 'simulate' as const,
    iteration,
    from: target.id,
    steps: [],
    cost: ZERO_COST,
  };
  if (target.outcome !== null) {
    const reward = book.knownReward(target.outcome, target.prm);
    return { ...base, mode: 'known', answer: target.outcome.answer, reward };
  }
  if (settings.valueMode === 'prm' || target.state === null) {
    return { ...base, mode: 'prm', answer: null, reward: target.prm ?? 0 };
  }
  const { ctx } = book;
  // Lines are bounded by maxDepth, rollouts included.
  const remaining = Math.max(1, settings.maxDepth - target.depth);
  const rollout = yield* call(ctx.proposer.rollout(book.proposerContext(target.id), remaining));
  const { outcome, before, after, used } = book.followRollout(target.id, rollout.steps);
  const steps = rollout.steps.map((s) => s.text);
  let reward = outcome ? book.knownReward(outcome, null) : 0;
  let cost = rollout.cost;
  // A rollout that ends in an answer the search may not check (word problems) is valued
  // like a terminal node of the tree: by the judge's score of its last step.
  if (outcome && outcome.kind !== 'invalid-step' && !ctx.task.selfVerifying && before && after) {
    const judged = yield* book.judgeRolloutEnd(target.id, steps.slice(0, used), before, after);
    reward = judged.score;
    cost = addCost(cost, judged.cost);
  }
  return {
    ...base,
    mode: 'rollout',
    steps,
    answer: outcome ? outcome.answer : null,
    reward,
    cost,
  };
}

/** The most-visited path's answer; else the visited terminal with the best Q; else none. */
function chooseAnswer<S, P extends Problem>(book: SearchBook<S, P>): DoneEvent {
  let node = book.node(0);
  while (node.children.length > 0 && node.outcome === null) {
    let best: BookNode<S> | null = null;
    for (const id of node.children) {
      const child = book.node(id);
      if (!best || child.N > best.N || (child.N === best.N && child.W > best.W)) best = child;
    }
    if (!best || best.N === 0) break;
    node = best;
  }
  if (node.outcome && node.outcome.kind !== 'invalid-step') {
    return done(node, 'most-visited');
  }
  let bestTerminal: BookNode<S> | null = null;
  for (const n of book.nodes) {
    if (!n.outcome || n.outcome.kind === 'invalid-step' || n.N === 0) continue;
    if (!bestTerminal || n.W / n.N > bestTerminal.W / bestTerminal.N) bestTerminal = n;
  }
  if (bestTerminal) return done(bestTerminal, 'best-value');
  return { type: 'done', node: null, answer: null, correct: false, reason: 'none' };
}

function done<S>(node: BookNode<S>, reason: DoneEvent['reason']): DoneEvent {
  const outcome = node.outcome;
  return {
    type: 'done',
    node: node.id,
    answer: outcome ? outcome.answer : null,
    correct: outcome ? outcome.correct : false,
    reason,
  };
}
