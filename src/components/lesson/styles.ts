/** Class names shared by the question panel's parts (large type, presentation-ready). */

/** Text that grows to the presentation font on the projector. */
export const BIG = 'presentation:text-[length:var(--arbor-presentation-font)]';

export const BUTTON = `inline-flex min-h-10 items-center justify-start gap-2 rounded border border-slate-300 bg-white px-3 py-1.5 text-left text-base font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-pressed:border-blue-700 aria-pressed:bg-blue-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:aria-pressed:border-blue-400 dark:aria-pressed:bg-blue-950 ${BIG}`;

export const PRIMARY = `inline-flex min-h-10 items-center justify-center rounded border border-blue-700 bg-blue-600 px-4 py-1.5 text-base font-semibold text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-blue-400 ${BIG}`;

export const INPUT = `h-10 w-28 rounded border border-slate-400 bg-white px-2 font-mono text-lg text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100 ${BIG} presentation:h-auto presentation:w-40`;

/** The number of a candidate (its key 1–9). */
export const KEY_CHIP =
  'inline-flex h-6 min-w-6 shrink-0 items-center justify-center rounded-full bg-amber-600 px-1 font-mono text-sm font-bold text-white dark:bg-amber-400 dark:text-slate-950';
