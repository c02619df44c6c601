import { useState } from 'react';
import { countRuns, validateSpec } from '../../../lab/grid';
import type { GridSpec } from '../../../lab/types';
import { useArbor } from '../../../store';
import { startLab, startLabPreset, updateLabDraft } from '../../../store/labActions';
import { variableName, variantsOf } from '../plot/curveLines';
import { BudgetFields } from './BudgetFields';
import { ExperimentFields } from './ExperimentFields';
import { LabEngineFields } from './LabEngineFields';
import { PresetButtons } from './PresetButtons';
import { ProblemSetFields } from './ProblemSetFields';
import { StrategyFields } from './StrategyFields';

/** How the run count comes about, in words. */
function breakdown(spec: GridSpec): string {
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const parts = [
    n(spec.problemIds.length, 'problem'),
    `${spec.strategies.length} ${spec.strategies.length === 1 ? 'strategy' : 'strategies'}`,
    n(spec.budgets.length, 'budget'),
    n(spec.seeds.length, 'seed'),
  ];
  const values = variantsOf(spec);
  if (values.length > 0) {
    parts.push(`${n(values.length, 'value')} of ${variableName(spec) ?? 'the variable'}`);
  }
  const text = parts.join(' × ');
  return spec.experiment.kind === 'difficulty-preview'
    ? `${text} × 2 arms (fixed, preview), plus a preview per problem and seed`
    : text;
}

/**
 * The lab's setup form: presets that start in one click, the problem set, the engine, the strategies, the budgets and seeds,
 * the experiment; then how many runs that makes, what is wrong with it (if anything), and
 * Start (kept in view at the bottom). Everything edits the store's draft; a started grid keeps its own copy.
 */
export function LabSetup() {
  const draft = useArbor((s) => s.lab.draft);
  const loadedModelId = useArbor((s) => s.loadedModelId);
  const visualizerEngine = useArbor((s) => s.settings.engine);
  const connection = useArbor((s) => s.server);
  const server =
    connection.phase === 'connected' && connection.models[0]
      ? { family: connection.family, model: connection.models[0].id }
      : null;
  const active = useArbor(
    (s) => s.lab.grid?.status === 'running' || s.lab.grid?.status === 'paused',
  );
  const [refused, setRefused] = useState<string[]>([]);
  const problems = validateSpec(draft);
  const runs = countRuns(draft);
  const update = (patch: Parameters<typeof updateLabDraft>[0]) => {
    setRefused([]);
    updateLabDraft(patch);
  };
  const shown = [...problems, ...refused.filter((p) => !problems.includes(p))];
  return (
    <form
      aria-label="Lab setup"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        setRefused(startLab());
      }}
    >
      <PresetButtons draft={draft} onStart={(id) => setRefused(startLabPreset(id))} />
      <ProblemSetFields draft={draft} update={update} />
      <LabEngineFields
        engine={draft.engine}
        update={update}
        loadedModelId={loadedModelId}
        visualizerEngine={visualizerEngine}
        server={server}
      />
      <StrategyFields
        selected={draft.strategies}
        onChange={(strategies) => update({ strategies })}
      />
      <BudgetFields draft={draft} update={update} />
      <ExperimentFields draft={draft} update={update} />
      <div className="sticky bottom-0 z-10 flex flex-col gap-2 rounded border border-slate-200 bg-white p-3 text-sm shadow-[0_-4px_12px_rgba(0,0,0,0.08)] dark:border-slate-800 dark:bg-slate-950">
        <p data-testid="lab-run-count">
          <strong>{runs.toLocaleString('en-US')}</strong> run{runs === 1 ? '' : 's'}
          {draft.experiment.kind === 'difficulty-preview' ? ' at most' : ''}: {breakdown(draft)}.
        </p>
        {shown.length > 0 && (
          <ul
            role="alert"
            aria-label="Problems with the grid"
            className="list-disc pl-5 text-red-800 dark:text-red-300"
          >
            {shown.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <button
          type="submit"
          disabled={problems.length > 0}
          className="rounded bg-blue-700 px-3 py-1.5 font-semibold text-white hover:bg-blue-800 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-blue-600"
        >
          {active ? 'Start a new grid (cancels this one)' : 'Start grid'}
        </button>
      </div>
    </form>
  );
}
