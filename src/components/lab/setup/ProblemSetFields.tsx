import { TASKS, taskEntry } from '../../../core/tasks/registry';
import type { GridSpec } from '../../../lab/types';
import type { TaskId } from '../../../run/settings';
import type { Option } from '../../fields';
import { NumberField, SelectField } from '../../fields';
import type { Difficulty } from '../../../lab/subset';
import { DIFFICULTIES, difficultiesOf, difficultyCounts, pickSubset } from '../../../lab/subset';

/** The tasks with their problem counts (the lab loads every task before it shows). */
function taskOptions(): readonly Option<TaskId>[] {
  return TASKS.map(({ id }) => {
    const t = taskEntry(id);
    return {
      value: id,
      label: `${t.label} (${t.problems.length} ${t.problemNoun.toLowerCase()}s)`,
    };
  });
}

/** A new subset starts with this many problems. */
const DEFAULT_COUNT = 24;

/**
 * The problem set of a grid: the task, which difficulties, and how many problems (spread
 * evenly over the chosen difficulties, easiest to hardest).
 */
export function ProblemSetFields(props: {
  draft: GridSpec;
  update: (patch: Partial<GridSpec>) => void;
}) {
  const { draft, update } = props;
  const chosen = difficultiesOf(draft.task, draft.problemIds);
  const counts = difficultyCounts(draft.task);
  const pool = chosen.reduce((n, d) => n + counts[d], 0);
  const count = draft.problemIds.length;
  const toggle = (d: Difficulty, on: boolean) => {
    const next = DIFFICULTIES.filter((x) => (x === d ? on : chosen.includes(x)));
    const size = next.reduce((n, x) => n + counts[x], 0);
    update({ problemIds: pickSubset(draft.task, next, Math.min(count || DEFAULT_COUNT, size)) });
  };
  const first = draft.problemIds[0];
  const last = draft.problemIds[draft.problemIds.length - 1];
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 font-semibold">Problems</legend>
      <SelectField
        label="Task"
        value={draft.task}
        options={taskOptions()}
        onChange={(task) =>
          update({ task, problemIds: pickSubset(task, DIFFICULTIES, DEFAULT_COUNT) })
        }
      />
      <div role="group" aria-label="Difficulty" className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700 dark:text-slate-300">Difficulty</span>
        <div className="flex flex-wrap gap-x-3">
          {DIFFICULTIES.map((d) => (
            <label key={d} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={chosen.includes(d)}
                onChange={(e) => toggle(d, e.target.checked)}
              />
              {d} ({counts[d]})
            </label>
          ))}
        </div>
      </div>
      <NumberField
        label="Number of problems"
        value={count}
        min={chosen.length === 0 ? 0 : 1}
        max={Math.max(pool, 1)}
        integer
        onCommit={(n) => update({ problemIds: pickSubset(draft.task, chosen, n) })}
        hint="Spread evenly over the chosen difficulties, easiest to hardest."
      />
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="lab-problem-summary">
        {count === 0
          ? 'No problems chosen.'
          : `${count} problem${count === 1 ? '' : 's'}: ${first ?? ''}${count > 1 ? ` … ${last ?? ''}` : ''}`}
      </p>
    </fieldset>
  );
}
