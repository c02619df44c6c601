import type { PreparedQuestion } from '../../lessons/questions';
import { backupWorking, decimal } from '../../lessons/questions';
import { DECIDED_BY_WORDS, RULE_NAME } from '../../narration/ucbWords';
import { selectWorking } from './selectWorking';
import { BIG } from './styles';

const LINE = `font-mono text-base text-slate-900 dark:text-slate-100 ${BIG}`;

/**
 * The working behind a question's answer, from the run's own numbers: every candidate's UCB
 * arithmetic with the winner starred; N and W before → after and Q = W/N; the prune's scores
 * kept and dropped; the search's reason and votes; the author's explanation.
 */
export function QuestionWorking({ q }: { q: PreparedQuestion }) {
  switch (q.kind) {
    case 'select':
      return (
        <div className="flex flex-col gap-1" data-testid="question-working">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {RULE_NAME[q.rule]}, c = {decimal(q.c)}, N(parent) = {q.parentN}: Q + exploration
          </p>
          <ul className="flex flex-col gap-1">
            {selectWorking(q).map((line) => (
              <li
                key={line.id}
                data-winner={line.winner ? 'true' : undefined}
                className={`flex flex-wrap items-baseline gap-x-3 rounded px-2 py-0.5 ${line.winner ? 'bg-amber-100 font-semibold dark:bg-amber-950' : ''}`}
              >
                <span aria-hidden="true" className="w-4 text-amber-700 dark:text-amber-300">
                  {line.winner ? '★' : ''}
                </span>
                <span className={`min-w-16 text-base ${BIG}`}>{line.text}</span>
                <span className={LINE}>{line.arithmetic}</span>
                {line.winner && <span className="sr-only">(the pick)</span>}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Decided by {DECIDED_BY_WORDS[q.decidedBy].term}: {DECIDED_BY_WORDS[q.decidedBy].why}.
          </p>
        </div>
      );
    case 'backup':
      return (
        <ul className="flex flex-col gap-1" data-testid="question-working">
          {backupWorking(q).map((line) => (
            <li key={line} className={LINE}>
              {line}
            </li>
          ))}
        </ul>
      );
    case 'prune': {
      const score = new Map(q.options.map((o) => [o.id, o]));
      const row = (id: number) => {
        const o = score.get(id);
        return o ? `${o.text} (#${id}) ${decimal(o.score)}` : `#${id}`;
      };
      return (
        <div className="flex flex-col gap-1" data-testid="question-working">
          <p className={LINE}>Kept: {q.kept.map(row).join(', ') || 'none'}</p>
          <p className={LINE}>Dropped: {q.dropped.map(row).join(', ') || 'none'}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Scores are the trajectories’ aggregated PRM scores; the best ones stay in the beam.
          </p>
        </div>
      );
    }
    case 'result':
      return (
        <div className="flex flex-col gap-1" data-testid="question-working">
          <p className={`text-base ${BIG}`}>
            Chosen by {q.reason}
            {q.correct ? ' — and it is correct.' : ' — and it is wrong.'}
          </p>
          {q.votes && (
            <ul className="flex flex-wrap gap-3">
              {Object.entries(q.votes).map(([answer, votes]) => (
                <li key={answer} className={LINE}>
                  {answer === '' ? 'no answer' : answer}: {decimal(votes)}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'choice':
      return q.explain ? (
        <p className={`text-base ${BIG}`} data-testid="question-working">
          {q.explain}
        </p>
      ) : null;
  }
}
