import { countRuns } from '../../../lab/grid';
import { LAB_PRESETS } from '../../../lab/presets';
import type { PresetId } from '../../../lab/presets';
import type { GridSpec } from '../../../lab/types';

/**
 * The presets as one-click grids (`lab/presets.ts`): the quick demo, the full grid, the
 * PRM-quality experiment — each named with its run count for the draft's task and engine.
 */
export function PresetButtons({
  draft,
  onStart,
}: {
  draft: GridSpec;
  onStart: (id: PresetId) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-1.5 text-sm">
      <legend className="mb-1 font-semibold">Presets</legend>
      {LAB_PRESETS.map((p) => {
        const runs = countRuns({ ...p.spec(draft.task), engine: draft.engine });
        return (
          <button
            key={p.id}
            type="button"
            data-preset={p.id}
            className="flex flex-col rounded border border-slate-300 px-2 py-1 text-left hover:border-blue-600 hover:bg-blue-50 dark:border-slate-700 dark:hover:border-blue-400 dark:hover:bg-blue-950"
            onClick={() => onStart(p.id)}
          >
            <span className="font-medium">
              {p.label} · {runs.toLocaleString('en-US')} runs
            </span>
            <span className="text-xs text-slate-600 dark:text-slate-400">{p.note}</span>
          </button>
        );
      })}
    </fieldset>
  );
}
