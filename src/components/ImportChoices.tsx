import { chooseImportRecord, dismissImportChoices, useArbor } from '../store';

const CHOICE =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';

/**
 * The questions of a file that holds several trees (rStar-Math's output, one record per
 * question): each with its node count; choosing one opens its tree. The questions come from
 * the file and are shown as text.
 */
export function ImportChoices() {
  const choices = useArbor((s) => s.importChoices);
  if (!choices) return null;
  const from = choices.fileName ? `“${choices.fileName}”` : 'The file';
  return (
    <section
      aria-label="Choose a question to open"
      className="flex flex-col gap-2 rounded border border-slate-300 p-2 dark:border-slate-700"
    >
      <p className="font-medium">
        {from} holds {choices.records.length} questions&apos; trees: choose one to open.
      </p>
      <ol className="flex max-h-72 flex-col gap-1 overflow-y-auto">
        {choices.records.map((r, i) => (
          <li key={i}>
            <button type="button" className={CHOICE} onClick={() => void chooseImportRecord(i)}>
              <span className="line-clamp-2 break-words">{r.question || '(no question)'}</span>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {r.nodes.toLocaleString('en-US')} nodes
              </span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="self-start underline" onClick={dismissImportChoices}>
        Cancel
      </button>
    </section>
  );
}
