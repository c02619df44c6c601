import { setbackReason } from './backtracks';
import type { TraceEvent } from './events';
import { addCost } from './events';
import type { SearchTree, TreeNode } from './tree';
import { TraceError, emptyTree } from './tree';

function nodeAt(tree: SearchTree, id: number, index: number, role: string): TreeNode {
  const node = Number.isInteger(id) ? tree.nodes[id] : undefined;
  if (!node) throw new TraceError(index, `${role} ${String(id)} does not exist`);
  return node;
}

function put(tree: SearchTree, node: TreeNode): void {
  tree.nodes[node.id] = node;
}

/**
 * Folds one event into the tree: the only way a tree ever changes.
 *
 * It writes into `tree.nodes` and the tree's own fields, but never into a node object: a
 * changed node is replaced, so a checkpoint made with `cloneTree` stays valid.
 * Throws a {@link TraceError} for an event that does not fit the tree (an unknown node, a
 * child id that is not the next id), which is how a corrupt run file is caught.
 *
 * @param tree the tree to change (a clone, if the caller keeps the original)
 * @param event the event to fold in
 * @param index the event's index in the run, for error messages
 */
export function applyEvent(tree: SearchTree, event: TraceEvent, index: number): void {
  if (tree.nodes.length === 0 && event.type !== 'start') {
    throw new TraceError(index, 'a run must begin with a start event');
  }
  switch (event.type) {
    case 'start': {
      if (tree.nodes.length > 0) throw new TraceError(index, 'a run starts only once');
      tree.algorithm = event.algorithm;
      put(tree, {
        id: 0,
        parent: null,
        depth: 0,
        children: [],
        text: event.rootText,
        tokens: 0,
        logProb: 0,
        prior: 1,
        valid: true,
        invalidReason: null,
        inTextBacktrack: false,
        N: 0,
        W: 0,
        prm: null,
        judge: null,
        evidence: null,
        terminal: null,
        pruned: false,
        backtracks: 0,
      });
      break;
    }
    case 'select': {
      for (const id of event.path) nodeAt(tree, id, index, 'selected node');
      tree.selectionPath = event.path;
      tree.iteration = event.iteration;
      tree.phase = 'select';
      break;
    }
    case 'expand': {
      const parent = nodeAt(tree, event.node, index, 'expanded node');
      for (const child of event.children) {
        if (child.id !== tree.nodes.length) {
          throw new TraceError(index, `new node ${child.id} should have id ${tree.nodes.length}`);
        }
        put(tree, {
          id: child.id,
          parent: parent.id,
          depth: parent.depth + 1,
          children: [],
          text: child.text,
          tokens: child.tokens,
          logProb: child.logProb,
          prior: child.prior,
          valid: child.valid,
          invalidReason: child.invalidReason ?? null,
          inTextBacktrack: child.inTextBacktrack,
          N: 0,
          W: 0,
          prm: null,
          judge: null,
          evidence: null,
          terminal: null,
          pruned: false,
          backtracks: 0,
        });
      }
      if (event.children.length > 0) {
        put(tree, {
          ...parent,
          children: [...parent.children, ...event.children.map((c) => c.id)],
        });
      }
      tree.compute = addCost(tree.compute, event.cost);
      tree.iteration = event.iteration;
      tree.phase = 'expand';
      break;
    }
    case 'score': {
      const node = nodeAt(tree, event.node, index, 'scored node');
      put(tree, {
        ...node,
        prm: event.score,
        judge: event.evidence.judge,
        evidence: event.evidence,
      });
      tree.compute = addCost(tree.compute, event.cost);
      break;
    }
    case 'terminal': {
      const node = nodeAt(tree, event.node, index, 'terminal node');
      put(tree, {
        ...node,
        terminal:
          event.kind === 'unknown'
            ? { answer: event.answer, correct: null, kind: 'unknown' }
            : { answer: event.answer, correct: event.correct, kind: event.kind },
      });
      break;
    }
    case 'simulate': {
      nodeAt(tree, event.from, index, 'simulated node');
      tree.compute = addCost(tree.compute, event.cost);
      tree.iteration = event.iteration;
      tree.phase = 'simulate';
      break;
    }
    case 'backprop': {
      for (const u of event.updates) {
        const node = nodeAt(tree, u.id, index, 'updated node');
        put(tree, { ...node, N: u.N, W: u.W });
      }
      tree.iteration = event.iteration;
      tree.phase = 'backprop';
      tree.lastBackprop = event;
      break;
    }
    case 'backtrack': {
      const node = nodeAt(tree, event.at, index, 'backtracking point');
      nodeAt(tree, event.abandoned, index, 'abandoned node');
      tree.lineChangeCount += 1;
      if (setbackReason(tree, event) === null) break;
      put(tree, { ...node, backtracks: node.backtracks + 1 });
      tree.backtrackCount += 1;
      break;
    }
    case 'prune': {
      for (const d of event.dropped) {
        const node = nodeAt(tree, d.id, index, 'pruned node');
        put(tree, { ...node, pruned: true });
      }
      for (const k of event.kept) nodeAt(tree, k.id, index, 'kept node');
      tree.iteration = event.depth;
      break;
    }
    case 'done': {
      if (event.node !== null) nodeAt(tree, event.node, index, 'answer node');
      tree.done = event;
      break;
    }
    default: {
      const unknown: never = event;
      throw new TraceError(
        index,
        `unknown event type ${JSON.stringify((unknown as { type?: unknown }).type)}`,
      );
    }
  }
  tree.eventCount = index + 1;
}

/** The tree after the first `count` events, reduced from nothing. */
export function reduce(events: readonly TraceEvent[], count = events.length): SearchTree {
  const tree = emptyTree();
  const end = Math.min(count, events.length);
  for (let i = 0; i < end; i++) applyEvent(tree, events[i] as TraceEvent, i);
  return tree;
}
