import type { RunSource } from '../run/runFile';

/**
 * The names the UI gives the foreign formats. A module of its own, so the page can name an
 * imported run's source without loading the importers themselves.
 */
export const FORMAT_NAME: Record<RunSource['kind'], string> = {
  'llm-reasoners': 'llm-reasoners',
  openr: 'OpenR',
  'rstar-math': 'rStar-Math',
};
