import type { CellStatus } from '../../../lab/types';

/** How a run's outcome is shown: a glyph (not colour alone), words, and a colour class. */
export const STATUS_LOOK: Record<
  CellStatus | 'pending',
  { glyph: string; words: string; tone: string }
> = {
  solved: { glyph: '✓', words: 'solved', tone: 'text-green-700 dark:text-green-400' },
  wrong: { glyph: '✗', words: 'wrong answer', tone: 'text-red-700 dark:text-red-400' },
  'no-answer': { glyph: '–', words: 'no answer', tone: 'text-slate-600 dark:text-slate-400' },
  failed: { glyph: '!', words: 'failed', tone: 'text-amber-700 dark:text-amber-400' },
  pending: { glyph: '…', words: 'not run yet', tone: 'text-slate-500 dark:text-slate-400' },
};
