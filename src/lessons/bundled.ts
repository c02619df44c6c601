/**
 * The lessons bundled with Arbor, one line each: the id a link names (`?lesson=tour`), the
 * title the picker shows, and the lesson file, loaded only when it is opened (its JSON stays
 * out of the first paint). A lesson's file is checked like a teacher's (parseLesson) when it
 * opens; the unit tests check every bundled one.
 */
export interface BundledLesson {
  id: string;
  title: string;
  load: () => Promise<unknown>;
}

export const BUNDLED_LESSONS: readonly BundledLesson[] = [
  {
    id: 'mcts-and-prms',
    title: 'MCTS and PRMs',
    load: () => import('./course/mcts-and-prms.json').then((m) => m.default),
  },
  {
    id: 'tour',
    title: 'A tour of Arbor',
    load: () => import('./course/tour.json').then((m) => m.default),
  },
];

/** The bundled lesson of this id, or undefined. */
export function bundledLesson(id: string): BundledLesson | undefined {
  return BUNDLED_LESSONS.find((l) => l.id === id);
}
