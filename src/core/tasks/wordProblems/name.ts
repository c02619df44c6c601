/**
 * The word-problem task's id and name: all the first paint needs of it (the task pickers and
 * the library list it before its problems and rules have loaded, `../registry.ts`).
 */
export const WORD_PROBLEMS_NAME = { id: 'word-problems', label: 'Math word problems' } as const;
