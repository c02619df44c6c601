/**
 * The lab's presets: grids a demo needs in one click. The quick demo is MetaStone-S1's
 * (arXiv 2507.01951) low / medium / high effort, k = 2 / 8 / 32, on a dozen puzzles spread
 * from easiest to hardest, one seed — a few hundred milliseconds on the simulated engine; it
 * is also the example the lab opens on. The big grids (every strategy family over 24
 * problems and three seeds; the PRM-quality experiment) stay one click away.
 */
import { DEFAULT_STRATEGIES } from './defaultStrategies';
import { DIFFICULTIES, pickSubset } from './subset';
import type { GridSpec } from './types';
import type { TaskId } from '../run/settings';

/** A preset by id. */
export type PresetId = 'quick-demo' | 'full' | 'prm-quality';

/** A preset: its name, what it shows, and the draft it makes for a task (engine kept). */
export interface LabPreset {
  id: PresetId;
  label: string;
  note: string;
  spec: (task: TaskId) => Omit<GridSpec, 'engine'>;
}

const EFFORT = [2, 8, 32];

/** The presets, quick demo first. */
export const LAB_PRESETS: readonly LabPreset[] = Object.freeze([
  {
    id: 'quick-demo',
    label: 'Quick demo',
    note: 'low / medium / high effort (k = 2 / 8 / 32) on 12 problems from easy to hard, one seed',
    spec: (task) => ({
      task,
      problemIds: pickSubset(task, DIFFICULTIES, 12),
      strategies: [...DEFAULT_STRATEGIES],
      budgets: [...EFFORT],
      seeds: [1],
      experiment: { kind: 'budget' },
    }),
  },
  {
    id: 'full',
    label: 'Full grid',
    note: '24 problems from easy to hard, k = 2 / 8 / 32, three seeds',
    spec: (task) => ({
      task,
      problemIds: pickSubset(task, DIFFICULTIES, 24),
      strategies: [...DEFAULT_STRATEGIES],
      budgets: [...EFFORT],
      seeds: [1, 2, 3],
      experiment: { kind: 'budget' },
    }),
  },
  {
    id: 'prm-quality',
    label: 'PRM quality',
    note: 'the same effort levels with the PRM’s noise at 0, 0.3 and 0.6, one panel each',
    spec: (task) => ({
      task,
      problemIds: pickSubset(task, DIFFICULTIES, 24),
      strategies: [...DEFAULT_STRATEGIES],
      budgets: [...EFFORT],
      seeds: [1, 2],
      experiment: { kind: 'prm-noise', noises: [0, 0.3, 0.6] },
    }),
  },
]);

/** The preset with this id. */
export function getPreset(id: PresetId): LabPreset {
  const preset = LAB_PRESETS.find((p) => p.id === id);
  if (!preset) throw new RangeError(`no lab preset ${id}`);
  return preset;
}
