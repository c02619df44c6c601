import type { TaskEntry } from '../entry';
import { WORD_PROBLEMS, getWordProblem } from './problems';
import { WORD_PROBLEM_PROMPTS } from './prompts';
import { wordSimulatedTruth } from './simulated/truth';
import { wordProblemTask } from './task';
import { wordShortStep } from './shortStep';
import type { WordProblem, WordProblemState } from './types';

/** The question cut to a picker's width (whole words). */
function shortQuestion(question: string, max = 48): string {
  if (question.length <= max) return question;
  const cut = question.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 20))}…`;
}

/** The math word problems as the rest of Arbor sees them (one line in `../registry.ts`). */
export const wordProblemsEntry: TaskEntry<WordProblemState, WordProblem, 'word-problems'> = {
  id: 'word-problems',
  label: wordProblemTask.label,
  problemNoun: 'Word problem',
  about:
    'Free-text problems with a numeric answer, easy to hard. Steps are written by the simulated engine or by a language model loaded in the Model panel.',
  task: wordProblemTask,
  problems: WORD_PROBLEMS.map((p) => ({
    id: p.id,
    label: `${p.id} · ${p.difficulty} · ${shortQuestion(p.question)}`,
    difficulty: p.difficulty,
  })),
  getProblem: getWordProblem,
  shortStep: wordShortStep,
  summary: (p) => `${p.question} (${p.id}, ${p.difficulty})`,
  question: (p) => p.question,
  // The bundled reference solution, one step per entry.
  referenceSteps: (p) => [...p.steps],
  // The reference solutions take 2 to 8 steps.
  maxDepth: 8,
  stepsLeft: () => null,
  answersInWords: true,
  prompts: WORD_PROBLEM_PROMPTS,
  rule: {
    sees: 'arithmetic',
    label: 'Rule verifier (arithmetic only)',
    // The task's arithmetic check, nothing more: it cannot know that valid arithmetic answers
    // the wrong question, so `solvable` only repeats `valid`.
    check: (ctx) => ({ valid: ctx.state !== null, solvable: ctx.state !== null }),
  },
  simulated: wordSimulatedTruth,
};
