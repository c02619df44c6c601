import type { SettingsTable } from '../../core/settings/table';

/** The tiny model engine's knobs. */
export interface TinyEngineSettings {
  kind: 'tiny';
  /** Sampling temperature of each step (0: greedy). */
  temperature: number;
  /** Which judge scores steps: the model's SPRM head, the exact rule, or rollouts. */
  judge: 'sprm' | 'rule' | 'rollout';
  /** Rollouts per step for the rollout judge. */
  rolloutK: number;
}

export const DEFAULT_TINY_ENGINE: TinyEngineSettings = {
  kind: 'tiny',
  temperature: 1,
  judge: 'sprm',
  rolloutK: 4,
};

/** The tiny engine's settings, described once (form, link, run file). */
export const TINY_TABLE: SettingsTable<Omit<TinyEngineSettings, 'kind'>> = {
  temperature: {
    type: 'number',
    label: 'Temperature',
    min: 0,
    max: 2,
    step: 0.1,
    hint: 'How freely each step is sampled (0 = always the likeliest token).',
    url: 'temp',
  },
  judge: {
    type: 'choice',
    label: 'Judge (PRM)',
    options: [
      { value: 'sprm', label: 'SPRM head (the model’s own)' },
      { value: 'rule', label: 'Rule verifier (exact)' },
      { value: 'rollout', label: 'Rollout value (k completions)' },
    ],
    url: 'judge',
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
