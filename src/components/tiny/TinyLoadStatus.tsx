import { loadTinyModel, useArbor } from '../../store';
import { formatBytes } from '../model/format';

/**
 * Where loading the tiny model stands: a progress bar with the model's bytes fetched, what
 * runs it once loaded (onnxruntime-web on wasm, its threads), or why it failed with Try again.
 */
export function TinyLoadStatus() {
  const load = useArbor((s) => s.tinyLoad);
  switch (load.phase) {
    case 'idle':
      return null;
    case 'loading': {
      const percent =
        load.total !== null && load.total > 0 ? Math.round((100 * load.fetched) / load.total) : 0;
      const bytes =
        load.total !== null
          ? `${formatBytes(load.fetched)} of ${formatBytes(load.total)}`
          : 'Reading the manifest';
      return (
        <div className="flex flex-col gap-1 text-xs" aria-label="Tiny model loading">
          <p role="status">Loading the tiny model… {bytes}</p>
          <div
            role="progressbar"
            aria-label="Tiny model download"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${String(percent)}%, ${bytes}`}
            className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full bg-emerald-600" style={{ width: `${String(percent)}%` }} />
          </div>
        </div>
      );
    }
    case 'ready':
      return (
        <p role="status" data-testid="tiny-ready" className="text-xs break-words">
          Loaded {load.name} (sha256 {load.sha256.slice(0, 12)}…) on {load.backend}.
        </p>
      );
    case 'error':
      return (
        <div
          role="alert"
          className="flex flex-col items-start gap-1 rounded border border-red-300 bg-red-50 p-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="break-words">{load.message}</p>
          <button
            type="button"
            className="rounded border border-red-400 px-2 py-0.5 hover:bg-red-100 dark:hover:bg-red-900"
            onClick={() => void loadTinyModel()}
          >
            Try again
          </button>
        </div>
      );
  }
}
