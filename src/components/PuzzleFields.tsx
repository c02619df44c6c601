import { getWordProblem } from '../core/tasks/wordProblems';
import { isProblem, problemsOf } from '../run/problems';
import type { TaskId } from '../run/settings';
import { setTask, updateSettings, useArbor } from '../store';
import type { Option } from './fields';
import { NumberField, SelectField } from './fields';

const TASKS: readonly Option<TaskId>[] = [
  { value: 'game24', label: 'Game of 24' },
  { value: 'word-problems', label: 'Math word problems' },
];

const TASK_HINTS: Record<TaskId, string> = {
  game24: 'Numbers to combine with + − × ÷ into 24; easy to hard.',
  'word-problems':
    'Free-text problems with a numeric answer, easy to hard. Steps are written by the simulated engine or by a language model loaded in the Model panel.',
};

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
  const question = task === 'word-problems' ? getWordProblem(problemId)?.question : undefined;
  return (
    <fieldset className="min-w-0 flex flex-col gap-3 rounded border border-slate-200 dark:border-slate-800 p-3">
      <legend className="px-1 font-semibold">Problem</legend>
      <SelectField label="Task" value={task} options={TASKS} onChange={(t) => setTask(t)} />
      <SelectField
        label={task === 'game24' ? 'Puzzle' : 'Word problem'}
        value={problemId}
        options={options}
        onChange={(id) => updateSettings({ problemId: id })}
        hint={TASK_HINTS[task]}
      />
      {hintSteps > 0 && (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="hint-steps">
          Step hint: the search starts after the first {hintSteps}{' '}
          {hintSteps === 1 ? 'step' : 'steps'} of the reference solution.{' '}
          <button
            type="button"
            className="underline"
            onClick={() => updateSettings({ hintSteps: 0 })}
          >
            Remove the hint
          </button>
        </p>
      )}
      {question !== undefined && (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="problem-question">
          {question}
        </p>
      )}
      <NumberField
        label="Seed"
        value={seed}
        min={0}
        max={2 ** 32 - 1}
        integer
        onCommit={(v) => updateSettings({ seed: v })}
        hint="The same settings and seed give the same run."
      />
    </fieldset>
  );
}
