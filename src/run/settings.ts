import type { SearchSettings } from '../core/search/settings';
import { DEFAULT_MCTS } from '../core/search/settings';

/** The simulated engine's knobs (DESIGN.md: a first-class, offline, deterministic engine). */
export interface SimulatedEngineSettings {
  kind: 'simulated';
  /** Share of proposals that follow a move which keeps the puzzle solvable, in [0, 1]. */
  skill: number;
  /** Chance that a proposed step carries an arithmetic slip (`5 * 4 = 21`), in [0, 1]. */
  slipRate: number;
  /** Which judge scores steps. */
  judge: 'rule' | 'simulated-prm' | 'rollout';
  /** Noise of the simulated PRM in [0, 1]: 0 is the exact truth, 1 is a coin. */
  prmNoise: number;
  /** Rollouts per step for the rollout judge. */
  rolloutK: number;
}

/**
 * A language model on the user's GPU through web-llm (issue 4). The model itself is loaded
 * separately (it is hundreds of megabytes); these settings say how the search uses it.
 */
export interface WebLlmEngineSettings {
  kind: 'webllm';
  /** The web-llm model id (a prebuilt record or the user's custom one). */
  modelId: string;
  /**
   * 'self': the same model asked whether the last step is correct, scored p(Yes)/(p(Yes)+p(No));
   * 'rollout': share of k completions that reach the answer; 'rule': Game of 24's exact check.
   */
  judge: 'self' | 'rollout' | 'rule';
  /** Completions per step for the rollout judge. */
  rolloutK: number;
  /** Sampling temperature for steps (the judge always reads probabilities at temperature 0). */
  temperature: number;
  /** A step longer than this many tokens is cut there. */
  maxStepTokens: number;
  /** Where a step ends: a blank line by default. */
  delimiter: string;
  /** Order independent requests so that they extend the model's cached conversation. */
  cacheAware: boolean;
}

/** Which engine writes and scores the steps. */
export type EngineSettings = SimulatedEngineSettings | WebLlmEngineSettings;

/** The task domains: Game of 24, and math word problems with a numeric answer. */
export type TaskId = 'game24' | 'word-problems';

/** Everything that determines a run: the same settings give the same events, byte for byte. */
export interface RunSettings {
  task: TaskId;
  problemId: string;
  search: SearchSettings;
  engine: EngineSettings;
  seed: number;
  /**
   * Step hints (StepHint, arXiv 2507.02841): the first j steps of the problem's reference
   * solution given as a fixed prefix; the search starts after them. Absent or 0: no hint.
   */
  hintSteps?: number;
}

export const DEFAULT_ENGINE: SimulatedEngineSettings = {
  kind: 'simulated',
  skill: 0.7,
  slipRate: 0.05,
  judge: 'simulated-prm',
  prmNoise: 0.2,
  rolloutK: 4,
};

/** Where a freshly loaded model starts. */
export const DEFAULT_WEBLLM_ENGINE: WebLlmEngineSettings = {
  kind: 'webllm',
  modelId: '',
  judge: 'self',
  rolloutK: 4,
  temperature: 0.7,
  maxStepTokens: 96,
  delimiter: '\n\n',
  cacheAware: true,
};

export const DEFAULT_SETTINGS: RunSettings = {
  task: 'game24',
  problemId: 'g24-001',
  search: DEFAULT_MCTS,
  engine: DEFAULT_ENGINE,
  seed: 1,
};

/** The first problem of each task, where switching task starts. */
export const FIRST_PROBLEM: Record<TaskId, string> = {
  game24: 'g24-001',
  'word-problems': 'wp-001',
};
