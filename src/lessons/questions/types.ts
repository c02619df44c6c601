import type { Candidate, NodeId, SelectionRule } from '../../core/tree/events';
import type { Rational } from './exact';

/**
 * A question posed on a run: the lesson's question with its options and its answer read off
 * the run's next event of its kind after the step's cursor (never off the lesson file, except
 * for a `choice`, which asks about an idea). Plain data, so the store keeps it as it is.
 */
export type PreparedQuestion =
  PreparedSelect | PreparedBackup | PreparedPrune | PreparedResult | PreparedChoice;

interface Asked {
  /** The question as the class reads it (the lesson's own prompt, or one for the kind). */
  prompt: string;
  /** Index of the event that answers it (`events[eventIndex]`); -1 for a `choice`. */
  eventIndex: number;
}

/** A step's text, for an option's label. */
export interface Labelled {
  id: NodeId;
  text: string;
}

/** Which child the selection rule picks at one level of the next select event. */
export interface PreparedSelect extends Asked {
  kind: 'select';
  level: number;
  iteration: number;
  rule: SelectionRule;
  /** The exploration constant c. */
  c: number;
  parent: NodeId;
  /** N(parent) when the choice is made. */
  parentN: number;
  /** Every candidate with N, W, Q, P, exploit, explore and total, in child order. */
  candidates: (Candidate & { text: string })[];
  winner: NodeId;
  decidedBy: 'exploit' | 'explore' | 'unvisited';
}

/** A node's N and W. */
export interface Visits {
  N: number;
  W: number;
}

/** N and Q of a node after the next backprop that updates it. */
export interface PreparedBackup extends Asked {
  kind: 'backup';
  node: NodeId;
  text: string;
  iteration: number;
  /** The value the backprop adds to W. */
  value: number;
  before: Visits;
  after: Visits;
  /** Q after, exactly: W (as the decimal it stands for) over N. */
  q: Rational;
}

/** Which candidates the next beam prune keeps. */
export interface PreparedPrune extends Asked {
  kind: 'prune';
  depth: number;
  /** The candidates in id order, each with its aggregated score. */
  options: (Labelled & { score: number })[];
  kept: NodeId[];
  dropped: NodeId[];
}

/** The answer the search returns (its done event), among the answers its lines reached. */
export interface PreparedResult extends Asked {
  kind: 'result';
  /** Distinct answers on the tree's terminals (and the search's own), in first-seen order; `''` is "no answer". */
  options: string[];
  answer: string;
  reason: string;
  correct: boolean;
  votes?: Record<string, number>;
}

/** The author's question about an idea. */
export interface PreparedChoice extends Asked {
  kind: 'choice';
  options: string[];
  answer: number;
  explain?: string;
}

/** What a learner answers, by kind. Backup values are the text typed (fractions accepted). */
export type QuestionAnswer =
  | { kind: 'select'; id: NodeId }
  | { kind: 'backup'; N: string; Q: string }
  | { kind: 'prune'; kept: NodeId[] }
  | { kind: 'result'; answer: string }
  | { kind: 'choice'; index: number };
