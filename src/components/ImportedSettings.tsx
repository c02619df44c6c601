import { algorithmLabel } from '../library/meta';
import { importedFacts, matchBundledProblem } from '../run/importedRun';
import type { RunSource } from '../run/runFile';
import { runInArbor, useArbor } from '../store';

const BUTTON =
  'inline-flex h-8 items-center justify-center rounded border border-slate-300 bg-white px-2 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/**
 * The settings column while an imported tree shows: Arbor's settings did not grow it, so
 * none are shown as if they had. It says what the file is, and offers to run the same
 * problem in Arbor only where Arbor has it bundled; else a run of Arbor's own settings.
 */
export function ImportedSettings({ source }: { source: RunSource }) {
  const events = useArbor((s) => s.trace).all;
  const facts = importedFacts(source, events);
  const bundled = matchBundledProblem(facts.question);
  return (
    <section
      aria-labelledby="imported-settings-heading"
      className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <h2 id="imported-settings-heading" className="font-semibold">
        Imported run
      </h2>
      <p>
        {facts.tool} grew this tree{facts.fileName ? ` (${facts.fileName})` : ''}; Arbor did not run
        it, so it has no Arbor settings.
        {facts.algorithm ? ` The file records ${algorithmLabel(facts.algorithm)}.` : ''}
      </p>
      {bundled ? (
        <button type="button" className={BUTTON} onClick={() => runInArbor(bundled)}>
          Run this problem in Arbor
        </button>
      ) : (
        <>
          <p className="text-slate-600 dark:text-slate-400">
            Its question is not one of Arbor&apos;s bundled problems, so Arbor cannot run it.
          </p>
          <button type="button" className={BUTTON} onClick={() => runInArbor(null)}>
            Back to Arbor&apos;s settings
          </button>
        </>
      )}
    </section>
  );
}
