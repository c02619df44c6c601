import { BUDGET_PRESETS } from '../../../lab/strategies';
import type { GridSpec } from '../../../lab/types';
import { NumberField } from '../../fields';
import { NumberListField } from './NumberListField';

const PRESETS = Object.entries(BUDGET_PRESETS) as [keyof typeof BUDGET_PRESETS, number][];

/** The largest budget and seed count the form accepts. */
export const MAX_BUDGET = 256;
export const MAX_SEEDS = 20;

/**
 * The budgets k (MetaStone-S1's low / medium / high = 2 / 8 / 32 as toggles, or any list)
 * and the number of seeds (each seed one full pass over the grid; the plot's whiskers are the
 * spread across them).
 */
export function BudgetFields(props: {
  draft: GridSpec;
  update: (patch: Partial<GridSpec>) => void;
}) {
  const { draft, update } = props;
  const setBudgets = (budgets: number[]) =>
    update({ budgets: [...new Set(budgets)].sort((a, b) => a - b) });
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 font-semibold">Budgets and seeds</legend>
      <div role="group" aria-label="Budget presets" className="flex flex-wrap gap-2 text-sm">
        {PRESETS.map(([name, k]) => {
          const on = draft.budgets.includes(k);
          return (
            <button
              key={name}
              type="button"
              aria-pressed={on}
              title={`MetaStone-S1's ${name} effort: k = ${k} candidates`}
              className={`rounded border px-2 py-0.5 ${on ? 'border-blue-600 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100' : 'border-slate-300 dark:border-slate-700'}`}
              onClick={() =>
                setBudgets(on ? draft.budgets.filter((b) => b !== k) : [...draft.budgets, k])
              }
            >
              {name} {k}
            </button>
          );
        })}
      </div>
      <NumberListField
        label="Budgets k"
        values={draft.budgets}
        rule={{ min: 1, max: MAX_BUDGET, integer: true, most: 8 }}
        onCommit={setBudgets}
        hint="Candidates per problem, e.g. 2, 8, 32 (or any list)."
      />
      <NumberField
        label="Seeds"
        value={draft.seeds.length}
        min={1}
        max={MAX_SEEDS}
        integer
        onCommit={(n) => update({ seeds: Array.from({ length: n }, (_, i) => i + 1) })}
        hint="Each seed runs the whole grid again; the whiskers show their spread."
      />
    </fieldset>
  );
}
