import type { StrategyDef } from '../../../lab/strategies';
import { STRATEGIES } from '../../../lab/strategies';
import type { StrategyId } from '../../../lab/types';

const FAMILIES: readonly { family: StrategyDef['family']; title: string }[] = [
  { family: 'best-of-n', title: 'Best-of-N (n = k samples)' },
  { family: 'beam', title: 'Beam search (k candidates per step)' },
  { family: 'mcts', title: 'MCTS (2·k iterations)' },
];

/**
 * The strategies a grid compares, as checkboxes grouped by family (best-of-N with each pick
 * rule and aggregation, beam search per aggregation, MCTS with PRM or rollout values). Each
 * says how the budget k becomes its settings (MetaStone-S1's best-of-k; search-and-learn's
 * beam of N / M beams with M expansions).
 */
export function StrategyFields(props: {
  selected: readonly StrategyId[];
  onChange: (ids: StrategyId[]) => void;
}) {
  const { selected, onChange } = props;
  const toggle = (id: StrategyId, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(STRATEGIES.filter((s) => next.has(s.id)).map((s) => s.id));
  };
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 font-semibold">Strategies ({selected.length})</legend>
      {FAMILIES.map(({ family, title }) => (
        <div key={family} role="group" aria-label={title} className="flex flex-col gap-0.5 text-sm">
          <span className="text-xs font-semibold text-slate-600 dark:text-slate-400">{title}</span>
          {STRATEGIES.filter((s) => s.family === family).map((s) => (
            <label key={s.id} className="flex items-start gap-2" title={s.budgetNote}>
              <input
                type="checkbox"
                className="mt-1"
                checked={selected.includes(s.id)}
                onChange={(e) => toggle(s.id, e.target.checked)}
              />
              <span>{s.label}</span>
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
