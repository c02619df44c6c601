import type { GivenAnswer, OpenQuestion } from '../../store';
import { useArbor } from '../../store';
import { revealAnswer, setClassMode } from '../../store/questionActions';
import { QuestionAsk } from './QuestionAsk';
import { QuestionWorking } from './QuestionWorking';
import { BIG, PRIMARY } from './styles';

/** The answer given, in words ("you picked “B”", "you said N = 2, Q = 3/4"). */
function given(open: OpenQuestion, answer: GivenAnswer): string {
  const a = answer.given;
  const q = open.question;
  switch (a.kind) {
    case 'select': {
      const c = q.kind === 'select' ? q.candidates.find((x) => x.id === a.id) : undefined;
      return `You picked “${c?.text ?? `node ${a.id}`}”.`;
    }
    case 'backup':
      return `You said N = ${a.N.trim()}, Q = ${a.Q.trim()}.`;
    case 'prune':
      return `You kept ${a.kept.length === 0 ? 'none' : a.kept.map((id) => `#${id}`).join(', ')}.`;
    case 'result':
      return `You said “${a.answer === '' ? 'no answer' : a.answer}”.`;
    case 'choice':
      return `You said “${q.kind === 'choice' ? (q.options[a.index] ?? '') : ''}”.`;
  }
}

/** Right or wrong, the right answer and the working, once revealed. */
function Verdict({ open }: { open: OpenQuestion }) {
  const answer = open.answer;
  const right = answer?.result.right;
  const parts = answer?.result.parts;
  return (
    <div className="flex flex-col gap-2" role="status" data-testid="question-verdict">
      <p
        className={`text-xl font-bold ${BIG} ${right === undefined ? 'text-slate-800 dark:text-slate-200' : right ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-400'}`}
      >
        {right === undefined ? 'The answer' : right ? '✓ Right' : '✗ Not this time'}
      </p>
      {answer && (
        <p className={`text-base ${BIG}`}>
          {given(open, answer)}
          {parts && ` N ${parts.N ? '✓' : '✗'}, Q ${parts.Q ? '✓' : '✗'}.`}
        </p>
      )}
      {answer && !answer.result.right && (
        <p className={`text-base font-semibold ${BIG}`} data-testid="question-expected">
          The search: {answer.result.expected}
        </p>
      )}
      <QuestionWorking q={open.question} />
    </div>
  );
}

/**
 * The question for the class (issue 11) the lesson's step poses: its prompt, the ways to
 * answer it and, once answered, right or wrong with the right answer and the working. In
 * class mode the verdict waits for the teacher's Reveal (a room answering together). Reads
 * the store only; large type, and the presentation font on the projector.
 */
export function QuestionPanel() {
  const open = useArbor((s) => s.question);
  const error = useArbor((s) => s.questionError);
  const classMode = useArbor((s) => s.classMode);
  if (!open && error === null) return null;
  return (
    <section
      aria-label="Question for the class"
      className="flex flex-col gap-3 rounded border-2 border-amber-500 bg-amber-50 px-4 py-3 text-slate-900 dark:border-amber-400 dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold tracking-wide text-amber-800 uppercase dark:text-amber-300">
          Question for the class
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={classMode}
            onChange={(e) => setClassMode(e.target.checked)}
          />
          Class mode (answers wait for Reveal)
        </label>
      </header>
      {open === null ? (
        <p role="alert" className="text-base text-red-700 dark:text-red-400">
          This question cannot be asked on this run: {error}
        </p>
      ) : (
        <>
          <p className={`text-xl font-semibold ${BIG}`} data-testid="question-prompt">
            {open.question.prompt}
          </p>
          {open.answer === null && !open.revealed && (
            <QuestionAsk key={`${open.key}@${open.cursor}`} q={open.question} />
          )}
          {open.hint !== null && (
            <p
              role="alert"
              className={`text-base font-semibold text-red-700 dark:text-red-400 ${BIG}`}
            >
              {open.hint}
            </p>
          )}
          {!open.revealed && (open.answer !== null || classMode) && (
            <div className="flex flex-wrap items-center gap-3">
              {open.answer !== null && (
                <p className={`text-base ${BIG}`}>
                  {given(open, open.answer)} The verdict waits for Reveal.
                </p>
              )}
              <button type="button" className={PRIMARY} onClick={revealAnswer}>
                Reveal
              </button>
            </div>
          )}
          {open.revealed && <Verdict open={open} />}
        </>
      )}
    </section>
  );
}
