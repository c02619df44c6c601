import { getWordProblem } from '../core/tasks/wordProblems';
import { maxHint } from '../run/hints';
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
      <SelectField
        label="Step hint"
        value={String(hintSteps)}
        options={hintOptions(maxHint(task, problemId))}
        onChange={(j) => updateSettings({ hintSteps: Number(j) })}
        hint="Give the search the first steps of a reference solution (StepHint): it starts after them, and the root shows them."
      />
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
