import type { SettingsTable } from '../../core/settings/table';

/** The simulated engine's knobs. */
export interface SimulatedEngineSettings {
  kind: 'simulated';
  /** Share of proposals that follow a right move, in [0, 1]. */
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

export const DEFAULT_SIMULATED_ENGINE: SimulatedEngineSettings = {
  kind: 'simulated',
  skill: 0.7,
  slipRate: 0.05,
  judge: 'simulated-prm',
  prmNoise: 0.2,
  rolloutK: 4,
};

/** The simulated engine's settings, described once (form, link, run file). */
export const SIMULATED_TABLE: SettingsTable<Omit<SimulatedEngineSettings, 'kind'>> = {
  skill: {
    type: 'number',
    label: 'Skill',
    min: 0,
    max: 1,
    step: 0.05,
    hint: 'Share of proposed steps that keep the problem solvable.',
    url: 'skill',
  },
  slipRate: {
    type: 'number',
    label: 'Slip rate',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Chance of an arithmetic slip in a step.',
    url: 'slip',
  },
  judge: {
    type: 'choice',
    label: 'Judge (PRM)',
    options: [
      { value: 'simulated-prm', label: 'Simulated PRM (truth + noise)' },
      { value: 'rule', label: 'Rule verifier (exact)' },
      { value: 'rollout', label: 'Rollout value (k completions)' },
    ],
    url: 'judge',
  },
  prmNoise: {
    type: 'number',
    label: 'PRM noise',
    min: 0,
    max: 1,
    step: 0.05,
    hint: '0 = exact truth, 1 = a coin flip.',
    url: 'noise',
    shown: (s) => s.judge === 'simulated-prm',
  },
  rolloutK: {
    type: 'number',
    label: 'Rollouts per step (k)',
    min: 1,
    max: 64,
    integer: true,
    url: 'k',
    shown: (s) => s.judge === 'rollout',
  },
};
