import type { SettingsTable } from '../core/settings/table';
import type { RunSettings } from './settings';

/** The run's own numbers, described once (form, link, run file). */
export const RUN_TABLE: SettingsTable<Pick<RunSettings, 'seed'>> = {
  seed: {
    type: 'number',
    label: 'Seed',
    min: 0,
    max: 2 ** 32 - 1,
    integer: true,
    hint: 'The same settings and seed give the same run.',
    url: 'seed',
  },
};

/**
 * The step hint j (StepHint): `hint=2` gives the first two reference steps. In a link only
 * when there is one, so links made before hints existed read the same.
 */
export const HINT_TABLE: SettingsTable<Required<Pick<RunSettings, 'hintSteps'>>> = {
  hintSteps: {
    type: 'number',
    label: 'Step hint',
    min: 0,
    max: 64,
    integer: true,
    hint: 'Give the search the first steps of a reference solution (StepHint): it starts after them, and the root shows them.',
    url: 'hint',
  },
};
