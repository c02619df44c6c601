import { FORMAT_NAME } from '../importers/formatNames';
import type { RunSource } from '../run/runFile';
import { useArbor } from '../store';

/**
 * Says where a run came from when another tool grew it, and what the import could not carry
 * (issue 6: an imported tree is inspectable even without its phase-by-phase history, and the
 * UI says so). The file name and note come from the file: rendered as text, never as HTML.
 */
export function ImportedNoticeView({ source }: { source: RunSource | null }) {
  if (source === null) return null;
  const from = source.fileName ? ` (${source.fileName})` : '';
  return (
    <p
      role="note"
      aria-label="Imported run"
      className="rounded border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 p-2 text-sm text-amber-900 dark:text-amber-200"
    >
      <span className="font-medium">
        Imported from {FORMAT_NAME[source.kind]}
        {from}:
      </span>{' '}
      {source.note}
    </p>
  );
}

/** {@link ImportedNoticeView} for the current run (nothing for a run grown in Arbor). */
export function ImportedNotice() {
  const source = useArbor((s) => s.source);
  return <ImportedNoticeView source={source} />;
}
