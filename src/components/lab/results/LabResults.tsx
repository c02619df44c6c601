import { EffortPlot } from '../plot/EffortPlot';
import { variantsOf } from '../plot/curveLines';
import { VariablePlot } from '../plot/VariablePlot';
import { OFF_STAGE } from '../labPresentation';
import type { LabData } from '../useLabData';
import { ComparePanel } from './ComparePanel';
import { LabExport } from './LabExport';
import { PointRuns } from './PointRuns';
import { ProblemTable } from './ProblemTable';
import { useRunChooser } from './runChooser';

/**
 * The grid's results, filling in while it runs: the accuracy-against-compute plot, for an
 * experiment with a variable the plot against that variable, the runs behind the selected
 * point, the per-problem table, the comparison of two runs, and the CSV export. In
 * presentation mode only the accuracy-against-compute plot shows.
 */
export function LabResults({ data }: { data: LabData }) {
  const chooser = useRunChooser(data);
  const variable = variantsOf(data.spec).length > 0;
  return (
    <div className="flex flex-col gap-4 presentation:h-full presentation:min-h-0">
      <div
        className={`grid gap-4 ${variable ? '2xl:grid-cols-2' : ''} presentation:block presentation:h-full presentation:min-h-0`}
      >
        <EffortPlot data={data} />
        {variable && (
          <div className={OFF_STAGE}>
            <VariablePlot data={data} />
          </div>
        )}
      </div>
      <div className={`flex flex-col gap-4 ${OFF_STAGE}`}>
        <PointRuns data={data} chooser={chooser} />
        <ProblemTable data={data} chooser={chooser} />
        <ComparePanel data={data} chooser={chooser} />
        <LabExport data={data} />
      </div>
    </div>
  );
}
