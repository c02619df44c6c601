import { useArbor } from '../../store';
import { cancelLab, pauseLab, resumeLab } from '../../store/labActions';
import type { LabGrid, LabGridStatus } from '../../store';
import type { GridProgress } from '../../lab/types';
import { duration } from './format';
import { useProgressClock } from './progressClock';

const STATUS_TEXT: Record<LabGridStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  cancelled: 'Cancelled — the finished runs are kept',
  failed: 'Stopped by an error — the finished runs are kept',
};

const BUTTON =
  'rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700 dark:hover:bg-slate-800';

/** Props of {@link LabProgressView}. */
export interface LabProgressViewProps {
  status: LabGridStatus;
  progress: GridProgress;
  error: string | null;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}

/**
 * The grid's progress: a bar, runs done of planned, failed runs, time spent and an estimate
 * of the time left (elapsed / done × left), and Pause / Resume / Cancel.
 */
export function LabProgressView(props: LabProgressViewProps) {
  const { status, progress, error } = props;
  const { done, total, failed, elapsedMs, etaMs } = progress;
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const live = status === 'running' || status === 'paused';
  return (
    <section
      aria-label="Lab progress"
      className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <strong data-testid="lab-status">{STATUS_TEXT[status]}</strong>
        <span data-testid="lab-done">
          {done.toLocaleString('en-US')} of {total.toLocaleString('en-US')} runs
        </span>
        <span className={failed > 0 ? 'text-red-700 dark:text-red-400' : ''}>{failed} failed</span>
        <span>{duration(elapsedMs)} spent</span>
        {live && (
          <span data-testid="lab-eta">
            {etaMs === null ? 'estimating time left…' : `about ${duration(etaMs)} left`}
          </span>
        )}
        <span className="ml-auto flex gap-2">
          {status === 'paused' ? (
            <button type="button" className={BUTTON} onClick={props.onResume}>
              Resume
            </button>
          ) : (
            <button
              type="button"
              className={BUTTON}
              disabled={status !== 'running'}
              onClick={props.onPause}
            >
              Pause
            </button>
          )}
          <button type="button" className={BUTTON} disabled={!live} onClick={props.onCancel}>
            Cancel
          </button>
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Runs done"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} runs`}
        className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
      >
        <div
          className={`h-full ${status === 'failed' ? 'bg-red-600' : status === 'cancelled' ? 'bg-slate-500' : 'bg-blue-600'}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      {error && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * {@link LabProgressView} of the store's grid; nothing before the first grid. While it runs
 * the clock ticks every second between the runner's reports.
 */
export function LabProgress() {
  const grid = useArbor((s) => s.lab.grid);
  if (!grid) return null;
  return <LiveProgress grid={grid} />;
}

function LiveProgress({ grid }: { grid: LabGrid }) {
  const progress = useProgressClock(grid.progress, grid.status === 'running');
  return (
    <LabProgressView
      status={grid.status}
      progress={progress}
      error={grid.error}
      onPause={pauseLab}
      onResume={resumeLab}
      onCancel={cancelLab}
    />
  );
}
