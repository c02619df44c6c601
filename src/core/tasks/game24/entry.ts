import type { TaskEntry } from '../entry';
import { GAME24_PROMPTS } from './prompts';
import { PUZZLES, getPuzzle } from './puzzles';
import { rat } from './rational';
import { game24SimulatedTruth, stepTruth } from './simulated';
import { solve24 } from './solver';
import type { Game24Problem, Game24State } from './state';
import { game24Task } from './task';
import { game24ShortStep } from './shortStep';

/** Game of 24 as the rest of Arbor sees it (one line in `../registry.ts`). */
export const game24Entry: TaskEntry<Game24State, Game24Problem, 'game24'> = {
  id: 'game24',
  label: game24Task.label,
  problemNoun: 'Puzzle',
  about: 'Numbers to combine with + − × ÷ into 24; easy to hard.',
  task: game24Task,
  problems: PUZZLES.map((p) => ({
    id: p.id,
    label: `${p.id} · ${p.numbers.join(' ')} · ${p.difficulty}`,
    difficulty: p.difficulty,
  })),
  getProblem: getPuzzle,
  shortStep: game24ShortStep,
  summary: (p) => `${p.numbers.join(' ')} (${p.id}, ${p.difficulty})`,
  question: () => null,
  // The exact solver's solution, e.g. three steps ending "(left: 24)".
  referenceSteps: (p) => solve24(p.numbers.map((n) => rat(n))),
  // A line ends after 3 steps; one more level lets a class see max depth do nothing.
  maxDepth: 4,
  stepsLeft: (state) => Math.max(0, state.numbers.length - 1),
  answersInWords: false,
  prompts: GAME24_PROMPTS,
  rule: { sees: 'exact', label: 'Rule verifier (exact)', check: stepTruth },
  simulated: game24SimulatedTruth,
};
