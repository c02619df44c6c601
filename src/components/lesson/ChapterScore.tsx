import { scoreOf, useArbor } from '../../store';

/** Props of {@link ChapterScore}. */
export interface ChapterScoreProps {
  /** The chapter's question keys, `"<chapterIndex>.<stepIndex>"`. */
  keys: string[];
}

/** A chapter's score: questions right at the first try, out of those the chapter asks. */
export function ChapterScore({ keys }: ChapterScoreProps) {
  const answers = useArbor((s) => s.answers);
  if (keys.length === 0) return null;
  const score = scoreOf(answers, keys);
  const unanswered = score.total - score.answered;
  return (
    <p
      data-testid="chapter-score"
      className="rounded border border-slate-300 bg-white px-3 py-2 text-lg text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 presentation:text-[length:var(--arbor-presentation-font)]"
    >
      <strong>
        Score: {score.right} of {score.total}
      </strong>{' '}
      right at the first try
      {unanswered > 0 && (
        <span className="text-slate-600 dark:text-slate-400"> ({unanswered} not answered)</span>
      )}
    </p>
  );
}
