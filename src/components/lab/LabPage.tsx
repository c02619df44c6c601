import { useEffect } from 'react';
import { openLabExample } from '../../store/labActions';
import { ExampleNotice } from './ExampleNotice';
import { LabProgress } from './LabProgress';
import { LabResults } from './results/LabResults';
import { LabSetup } from './setup/LabSetup';
import { useLabData } from './useLabData';
import { OFF_STAGE, useKeepScrollAcrossPresentation } from './labPresentation';

/**
 * The effort lab (issue 5): what more test-time compute buys, measured live. The setup on
 * the left; on the right the grid's progress and its results as they arrive — the curve of
 * accuracy against compute (the Blueprint, arXiv 2501.11223; MetaStone-S1's low / medium /
 * high effort, arXiv 2507.01951), the per-problem table, and any run opened in the
 * visualizer or compared with another. The first time it opens it computes an example (the
 * quick demo, simulated, in the worker) and draws it before anything is touched. In
 * presentation mode (P) the plot takes the screen in large type; the rest stays mounted,
 * hidden, so leaving restores the page as it was.
 */
export function LabPage() {
  const data = useLabData();
  useKeepScrollAcrossPresentation();
  useEffect(() => {
    openLabExample();
  }, []);
  return (
    <div className="grid gap-4 p-4 lg:grid-cols-[20rem_minmax(0,1fr)] presentation:block presentation:h-[calc(100vh-3rem)] presentation:px-3 presentation:py-2">
      <aside aria-label="Lab settings" className={`flex min-w-0 flex-col gap-4 ${OFF_STAGE}`}>
        <LabSetup />
      </aside>
      <section
        aria-label="Lab results"
        className="flex min-w-0 flex-col gap-4 presentation:h-full presentation:min-h-0"
      >
        <div className={`flex flex-col gap-4 ${OFF_STAGE}`}>
          <LabProgress />
          <ExampleNotice />
        </div>
        {data ? (
          <LabResults data={data} />
        ) : (
          <section className="rounded border border-dashed presentation:text-[length:var(--arbor-presentation-font)] border-slate-300 p-4 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
            <h2 className="mb-1 font-semibold">What more test-time compute buys</h2>
            <p>
              Choose problems, strategies and budgets on the left, then start the grid. Each run is
              an ordinary search; the plot shows accuracy against the compute the runs measured
              (tokens or model calls, on a log scale), one line per strategy, with the spread across
              seeds. Click a point to list its runs and open any of them in the visualizer. With the
              simulated engine the grid runs in the background; results appear as they arrive, and
              Pause, Resume and Cancel keep what has finished.
            </p>
          </section>
        )}
      </section>
    </div>
  );
}
