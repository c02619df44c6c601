import { useId } from 'react';
import { commonHintLevels } from '../../../run/hints';
import type { Experiment, GridSpec } from '../../../lab/types';
import type { Option } from '../../fields';
import { SelectField } from '../../fields';
import { NumberListField } from './NumberListField';

type Kind = Experiment['kind'];

/** Each experiment: its name, what it shows, and the paper it comes from. */
const KINDS: readonly { kind: Kind; label: string; about: string }[] = [
  {
    kind: 'budget',
    label: 'Budget curve',
    about:
      'Accuracy against compute per strategy (MetaStone-S1 low / medium / high; the Blueprint).',
  },
  {
    kind: 'prm-noise',
    label: 'PRM quality',
    about:
      "Sweep the simulated PRM's noise: how search accuracy falls as the PRM gets worse, and where best-of-N overtakes MCTS (MetaStone-S1, the Blueprint).",
  },
  {
    kind: 'step-hints',
    label: 'Step hints',
    about:
      'Give the first j steps of a reference solution as a fixed prefix; success against j (StepHint).',
  },
  {
    kind: 'difficulty-preview',
    label: 'Difficulty preview',
    about:
      'Two cheap samples per problem: agreeing ones mark it easy; the budget saved goes to the hard ones, against the fixed budget at the same total (Preview).',
  },
  {
    kind: 'budget-forcing',
    label: 'Budget forcing',
    about:
      'Cap a thinking model at a token budget, or extend it with "Wait"; accuracy against thinking tokens (s1). Language models only.',
  },
];

/**
 * What a newly chosen experiment starts with. Hint levels stay within every bundled
 * reference solution of the task (`commonHintLevels`).
 */
function initial(kind: Kind, task: GridSpec['task']): Experiment {
  switch (kind) {
    case 'prm-noise':
      return { kind, noises: [0, 0.3, 0.6] };
    case 'step-hints':
      return { kind, levels: commonHintLevels(task) };
    case 'budget-forcing':
      return { kind, mode: 'cap', thinkingBudgets: [256, 512, 1024] };
    default:
      return { kind };
  }
}

const MODES: readonly Option<'cap' | 'extend'>[] = [
  { value: 'cap', label: 'Cap: stop thinking at the budget' },
  { value: 'extend', label: 'Extend: replace an early end with "Wait"' },
];

/**
 * The experiment a grid runs (one of the four ideas of issue 5, or the plain budget curve)
 * and its variable's values. Budget forcing needs a language model: without one it is shown
 * disabled, with the reason.
 */
export function ExperimentFields(props: {
  draft: GridSpec;
  update: (patch: Partial<GridSpec>) => void;
}) {
  const { draft, update } = props;
  const name = useId();
  const e = draft.experiment;
  const model = draft.engine.kind === 'webllm';
  const choose = (kind: Kind) => {
    const patch: Partial<GridSpec> = { experiment: initial(kind, draft.task) };
    // The noise sweep varies the simulated PRM: choose that judge with it.
    if (kind === 'prm-noise' && draft.engine.kind === 'simulated') {
      patch.engine = { ...draft.engine, judge: 'simulated-prm' };
    }
    update(patch);
  };
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 font-semibold">Experiment</legend>
      <div role="radiogroup" aria-label="Experiment" className="flex flex-col gap-2 text-sm">
        {KINDS.map((k) => {
          const disabled = k.kind === 'budget-forcing' && !model;
          return (
            <label
              key={k.kind}
              className={`flex items-start gap-2 ${disabled ? 'cursor-not-allowed opacity-60' : ''}`}
            >
              <input
                type="radio"
                className="mt-1"
                name={name}
                checked={e.kind === k.kind}
                disabled={disabled}
                onChange={() => choose(k.kind)}
              />
              <span>
                <span className="font-medium">{k.label}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {disabled
                    ? 'Needs a language model: load one in the Model (WebGPU) panel and choose it as the engine.'
                    : k.about}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {e.kind === 'prm-noise' && (
        <NumberListField
          label="PRM noise values"
          values={e.noises}
          rule={{ min: 0, max: 1, integer: false, most: 8 }}
          onCommit={(noises) => update({ experiment: { ...e, noises } })}
          hint="0 = exact, 1 = a coin flip; e.g. 0, 0.3, 0.6."
        />
      )}
      {e.kind === 'step-hints' && (
        <NumberListField
          label="Hint levels j"
          values={e.levels}
          rule={{ min: 0, max: 12, integer: true, most: 8 }}
          onCommit={(levels) => update({ experiment: { ...e, levels } })}
          hint="Reference steps given as a fixed prefix; 0 = no hint."
        />
      )}
      {e.kind === 'budget-forcing' && (
        <>
          <SelectField
            label="Forcing"
            value={e.mode}
            options={MODES}
            onChange={(mode) => update({ experiment: { ...e, mode } })}
          />
          <NumberListField
            label="Thinking budgets (tokens)"
            values={e.thinkingBudgets}
            rule={{ min: 16, max: 32_768, integer: true, most: 8 }}
            onCommit={(thinkingBudgets) => update({ experiment: { ...e, thinkingBudgets } })}
          />
        </>
      )}
    </fieldset>
  );
}
