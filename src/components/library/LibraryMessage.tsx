import { useArbor } from '../../store';
import { dismissLibraryError } from '../../store/libraryActions';

/**
 * What the library could not do, in plain words (storage full, no storage in this window,
 * a newer Arbor in another tab), and a notice while an upgrade waits for another tab.
 */
export function LibraryMessage() {
  const error = useArbor((s) => s.libraryError);
  const blocked = useArbor((s) => s.libraryBlocked);
  return (
    <>
      {blocked && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          Another Arbor tab is using an older version of the saved runs. Close or reload it to
          continue.
        </p>
      )}
      {error && (
        <div
          role="alert"
          aria-label="Library error"
          className="rounded border border-red-300 bg-red-50 p-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <p>{error.message}</p>
          <button type="button" className="mt-1 underline" onClick={dismissLibraryError}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
