import { TASKS, taskEntry } from '../core/tasks/registry';
import { maxHint } from '../run/hints';
import { isProblem, problemsOf } from '../run/problems';
import type { TaskId } from '../run/settings';
import { setTask, updateSettings, useArbor } from '../store';
import type { Option } from './fields';
import { SelectField } from './fields';
import { TableFields } from './TableFields';
import { HINT_TABLE, RUN_TABLE } from '../run/runTable';

const TASK_OPTIONS: readonly Option<TaskId>[] = TASKS.map((t) => ({ value: t.id, label: t.label }));

/** Hint levels 0 … max as select options. */
function hintOptions(max: number): Option<string>[] {
  return Array.from({ length: max + 1 }, (_, j) => ({
    value: String(j),
    label:
      j === 0 ? 'None' : j === 1 ? 'The first step is given' : `The first ${j} steps are given`,
  }));
}

/** The task, the problem (a Game of 24 puzzle or a word problem) and the seed. */
export function PuzzleFields() {
  const task = useArbor((s) => s.settings.task);
  const problemId = useArbor((s) => s.settings.problemId);
  const seed = useArbor((s) => s.settings.seed);
  const hintSteps = useArbor((s) => s.settings.hintSteps ?? 0);
  const options: Option<string>[] = problemsOf(task).map((p) => ({
    value: p.id,
    label: p.label,
  }));
  if (!isProblem(problemId, task)) {
    options.unshift({ value: problemId, label: `${problemId} (from a run file)` });
  }
  const entry = taskEntry(task);
  const problem = entry.getProblem(problemId);
  const question = problem ? entry.question(problem) : null;
  return (
    <fieldset className="min-w-0 flex flex-col gap-3 rounded border border-slate-200 dark:border-slate-800 p-3">
      <legend className="px-1 font-semibold">Problem</legend>
      <SelectField label="Task" value={task} options={TASK_OPTIONS} onChange={(t) => setTask(t)} />
      <SelectField
        label={entry.problemNoun}
        value={problemId}
        options={options}
        onChange={(id) => updateSettings({ problemId: id })}
        hint={entry.about}
      />
      <SelectField
        label={HINT_TABLE.hintSteps.label}
        value={String(hintSteps)}
        options={hintOptions(maxHint(task, problemId))}
        onChange={(j) => updateSettings({ hintSteps: Number(j) })}
        hint={HINT_TABLE.hintSteps.hint ?? ''}
      />
      {question !== null && (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="problem-question">
          {question}
        </p>
      )}
      <TableFields table={RUN_TABLE} values={{ seed }} set={updateSettings} />
    </fieldset>
  );
}
