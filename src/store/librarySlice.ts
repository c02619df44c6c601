import type { LibraryErrorKind } from '../library/errors';
import type { RunMeta } from '../library/meta';

/** The saved runs as the library panel shows them. */
export interface LibrarySlice {
  /** Entries of the saved runs, newest save first (no events: those load on open). */
  libraryRuns: RunMeta[];
  /** 'loading' until the first list arrives; 'ready' after. */
  libraryState: 'loading' | 'ready';
  /** The last thing the library could not do, in words; null when all went well. */
  libraryError: { kind: LibraryErrorKind; message: string } | null;
  /** Another tab holds an older library open and an upgrade waits for it to close. */
  libraryBlocked: boolean;
}

/** The library slice: loading until the panel first lists the saved runs. */
export const createLibrarySlice = (): LibrarySlice => ({
  libraryRuns: [],
  libraryState: 'loading',
  libraryError: null,
  libraryBlocked: false,
});
