/**
 * The trace of a search: a run is a list of these events and the tree shown at cursor t is
 * `reduce(events[0..t])`. Events are plain JSON
 * (no `Infinity`, no `undefined` fields that matter) so a run file is exactly this list.
 *
 * An MCTS iteration is exactly four phase events in order — `select`, `expand`, `simulate`,
 * `backprop` — with `backtrack`, `score` and `terminal` events between them where they apply.
 */

/** Node ids are dense integers: the root is 0 and each new node takes the next id. */
export type NodeId = number;

/** The four MCTS phases, in iteration order. */
export type Phase = 'select' | 'expand' | 'simulate' | 'backprop';
export const PHASES: readonly Phase[] = ['select', 'expand', 'simulate', 'backprop'];

/** Compute spent by an event: what the effort plots count. */
export interface Cost {
  /** Tokens the model generated. */
  generated: number;
  /** Tokens the model had to prefill (read) before generating. */
  prefilled: number;
  proposerCalls: number;
  judgeCalls: number;
}

/** One candidate child at one level of a selection, with its score split into terms. */
export interface Candidate {
  id: NodeId;
  N: number;
  /** Sum of the values backed up through this node. */
  W: number;
  /** W / N, or 0 when N = 0 (the value the rule uses for an unvisited child). */
  Q: number;
  /** Prior probability, present when the rule is PUCT. */
  P?: number;
  /** The exploitation term: Q. */
  exploit: number;
  /** The exploration term; `null` means +∞ (an unvisited child under UCT). */
  explore: number | null;
  /** exploit + explore; `null` means +∞. */
  total: number | null;
}

/** The choice made at one node of the selected path. */
export interface SelectLevel {
  parent: NodeId;
  /** N(parent) at the time of the choice. */
  parentN: number;
  candidates: Candidate[];
  winner: NodeId;
  /** Which term decided: the winner leads on exploitation, on exploration, or is unvisited. */
  decidedBy: 'exploit' | 'explore' | 'unvisited';
}

export type SelectionRule = 'uct' | 'puct';

/** Starts a run: creates the root node from the problem statement. */
export interface StartEvent {
  type: 'start';
  algorithm: 'mcts' | 'beam' | 'best-of-n';
  /** The problem as the root node shows it. */
  rootText: string;
}

/** Selection: the path chosen this iteration and, for each level, the candidates. */
export interface SelectEvent {
  type: 'select';
  iteration: number;
  rule: SelectionRule;
  /** The exploration constant c. */
  c: number;
  /** Node ids from the root to the selected leaf. */
  path: NodeId[];
  levels: SelectLevel[];
}

/** A child produced by the proposer. */
export interface ExpandedChild {
  id: NodeId;
  text: string;
  tokens: number;
  /** The proposer's log-probability of the whole step. */
  logProb: number;
  /** Prior P among its siblings: softmax of length-normalised log-probabilities. */
  prior: number;
  /** Whether the task accepted the step (a well-formed, correct step). */
  valid: boolean;
  /** Why the task rejected the step, when it did. */
  invalidReason?: string;
  /** The step text corrects itself ("Wait", "Let me re-check", `<backtrack>`). */
  inTextBacktrack: boolean;
}

/** Expansion: a node and the children the proposer produced (possibly none, with why). */
export interface ExpandEvent {
  type: 'expand';
  iteration: number;
  node: NodeId;
  children: ExpandedChild[];
  /** Why no children were added, when none were. */
  skipped?: 'terminal' | 'max-depth' | 'no-proposals';
  cost: Cost;
}

/** Evidence behind a PRM score, by judge. */
export type ScoreEvidence =
  | { judge: 'rule'; valid: boolean; solvable: boolean }
  | { judge: 'simulated-prm'; truth: number; noise: number }
  | { judge: 'rollout'; k: number; reached: number }
  | { judge: 'self'; pYes: number; pNo: number }
  /** A process reward head on the policy's own backbone (MetaStone-S1's SPRM): its model. */
  | { judge: 'sprm'; model: string }
  /** A score saved by another tool (an imported tree): its PRM value, as saved. */
  | { judge: 'imported'; tool: ImportTool };

/** The tools whose saved trees Arbor reads (the importers), once for every type and schema. */
export const IMPORT_TOOLS = ['llm-reasoners', 'openr', 'rstar-math', 'search-and-learn'] as const;

/** One of {@link IMPORT_TOOLS}. */
export type ImportTool = (typeof IMPORT_TOOLS)[number];

export type JudgeKind = ScoreEvidence['judge'];

/** A PRM step score in [0, 1] for one node. */
export interface ScoreEvent {
  type: 'score';
  node: NodeId;
  score: number;
  evidence: ScoreEvidence;
  cost: Cost;
}

/**
 * How a line ended: solved, a wrong final answer, an invalid step, or — in a tree read from
 * another tool that saved no verdict (OpenR's `terminated`, rStar-Math's `final_answer`
 * without a reference answer) — an answer whose correctness is unknown.
 */
export type TerminalKind = 'solved' | 'wrong-answer' | 'invalid-step' | 'unknown';

/**
 * How a line ended, with its verdict: `correct` is a boolean for an end Arbor (or the file's
 * reference answer) judged, and `null` exactly when the kind is `'unknown'`.
 */
export type TerminalOutcome =
  { kind: Exclude<TerminalKind, 'unknown'>; correct: boolean } | { kind: 'unknown'; correct: null };

/** A node that ends a line of reasoning. */
export type TerminalEvent = {
  type: 'terminal';
  node: NodeId;
  /** The final answer as text ('' when the line ended on an invalid step, or none was found). */
  answer: string;
} & TerminalOutcome;

/** Simulation: a rollout from a node to a terminal answer, or the PRM value of the node. */
export interface SimulateEvent {
  type: 'simulate';
  iteration: number;
  from: NodeId;
  mode: 'rollout' | 'prm' | 'known';
  /** The rollout's steps (empty unless mode is 'rollout'). */
  steps: string[];
  answer: string | null;
  reward: number;
  cost: Cost;
}

/** Backpropagation: the value backed up and each node's new N and W, leaf first. */
export interface BackpropEvent {
  type: 'backprop';
  iteration: number;
  value: number;
  updates: { id: NodeId; N: number; W: number }[];
}

/**
 * The search gave up its newest line and resumed from an ancestor. In MCTS:
 * `at` is where this iteration's selected path leaves the path the previous iteration
 * expanded, `abandoned` the previous leaf. In beam search: a parent whose every child was
 * pruned (`abandoned` is that parent).
 */
export interface BacktrackEvent {
  type: 'backtrack';
  iteration: number;
  at: NodeId;
  abandoned: NodeId;
}

/** Beam search dropped candidates; the scores are the aggregated trajectory scores. */
export interface PruneEvent {
  type: 'prune';
  depth: number;
  kept: { id: NodeId; score: number }[];
  dropped: { id: NodeId; score: number }[];
}

/** The answer the search returns and why. */
export interface DoneEvent {
  type: 'done';
  node: NodeId | null;
  answer: string | null;
  correct: boolean;
  reason: 'most-visited' | 'best-value' | 'best-prm' | 'majority' | 'weighted-vote' | 'none';
  /** The votes behind a voting decision: answer → count or summed score. */
  votes?: Record<string, number>;
}

export type TraceEvent =
  | StartEvent
  | SelectEvent
  | ExpandEvent
  | ScoreEvent
  | TerminalEvent
  | SimulateEvent
  | BackpropEvent
  | BacktrackEvent
  | PruneEvent
  | DoneEvent;

/** True for the four MCTS phase events. */
export function isPhaseEvent(e: TraceEvent): e is Extract<TraceEvent, { type: Phase }> {
  return (
    e.type === 'select' || e.type === 'expand' || e.type === 'simulate' || e.type === 'backprop'
  );
}

export const ZERO_COST: Cost = { generated: 0, prefilled: 0, proposerCalls: 0, judgeCalls: 0 };

/** Adds two costs. */
export function addCost(a: Cost, b: Cost): Cost {
  return {
    generated: a.generated + b.generated,
    prefilled: a.prefilled + b.prefilled,
    proposerCalls: a.proposerCalls + b.proposerCalls,
    judgeCalls: a.judgeCalls + b.judgeCalls,
  };
}
