import { useEffect } from 'react';
import { openLabExample } from '../../store/labActions';
import { ExampleNotice } from './ExampleNotice';
import { LabProgress } from './LabProgress';
import { LabResults } from './results/LabResults';
import { LabSetup } from './setup/LabSetup';
import { useLabData } from './useLabData';

/**
 * The effort lab (issue 5): what more test-time compute buys, measured live. The setup on
 * the left; on the right the grid's progress and its results as they arrive — the curve of
 * accuracy against compute (the Blueprint, arXiv 2501.11223; MetaStone-S1's low / medium /
 * high effort, arXiv 2507.01951), the per-problem table, and any run opened in the
 * visualizer or compared with another. The first time it opens it computes an example (the
 * quick demo, simulated, in the worker) and draws it before anything is touched.
 */
export function LabPage() {
  const data = useLabData();
  useEffect(() => {
    openLabExample();
  }, []);
  return (
    <div className="grid gap-4 p-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
      <aside aria-label="Lab settings" className="flex min-w-0 flex-col gap-4">
        <LabSetup />
      </aside>
      <section aria-label="Lab results" className="flex min-w-0 flex-col gap-4">
        <LabProgress />
        <ExampleNotice />
        {data ? (
          <LabResults data={data} />
        ) : (
          <section className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
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
