import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { PreparedQuestion } from '../../lessons/questions';
import { Q_RULE } from '../../lessons/questions';
import { pickCandidate } from '../../store';
import { answerQuestion } from '../../store/questionActions';
import { BIG, BUTTON, INPUT, KEY_CHIP, PRIMARY } from './styles';

/** Whether a key press is typing into a field (then 1–9 are digits, not picks). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return el?.tagName === 'INPUT' || el?.tagName === 'TEXTAREA' || el?.tagName === 'SELECT';
}

/** Keys 1–9 pick the select question's candidates in order while it waits. */
function useCandidateKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (!/^[1-9]$/.test(e.key)) return;
      if (pickCandidate(Number(e.key))) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}

/** N and Q typed in, fractions accepted; checked by the store. */
function BackupForm() {
  const [n, setN] = useState('');
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    answerQuestion({ kind: 'backup', N: n, Q: q });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Your answer">
      <div className="flex flex-wrap items-end gap-4">
        <label className={`flex flex-col gap-1 text-base ${BIG}`}>
          N (visits)
          <input
            className={INPUT}
            value={n}
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => setN(e.target.value)}
          />
        </label>
        <label className={`flex flex-col gap-1 text-base ${BIG}`}>
          Q = W/N
          <input
            className={INPUT}
            value={q}
            autoComplete="off"
            aria-describedby="question-q-rule"
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <button type="submit" className={PRIMARY}>
          Check
        </button>
      </div>
      <p id="question-q-rule" className="text-sm text-slate-600 dark:text-slate-400">
        Fractions accepted (3/4). {Q_RULE}
      </p>
    </form>
  );
}

/** Pick the candidates the beam keeps, then Check. */
function PruneForm({ q }: { q: Extract<PreparedQuestion, { kind: 'prune' }> }) {
  const [kept, setKept] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setKept((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="flex flex-col gap-2">
      <ul aria-label="Candidates" className="flex flex-wrap gap-2">
        {q.options.map((o) => (
          <li key={o.id}>
            <button
              type="button"
              className={BUTTON}
              aria-pressed={kept.has(o.id)}
              onClick={() => toggle(o.id)}
            >
              <span className="font-mono text-sm text-slate-500">#{o.id}</span>
              <span>{o.text}</span>
            </button>
          </li>
        ))}
      </ul>
      <div>
        <button
          type="button"
          className={PRIMARY}
          onClick={() => answerQuestion({ kind: 'prune', kept: [...kept] })}
        >
          Check: keep {kept.size}
        </button>
      </div>
    </div>
  );
}

/**
 * The asking half of the question panel, by kind: the select question's candidates (picked
 * on the tree, with the keys 1–9, or here), the backup's two inputs, the prune's toggles, the
 * result's and the choice's buttons. Step and model text is always shown as text.
 */
export function QuestionAsk({ q }: { q: PreparedQuestion }) {
  useCandidateKeys(q.kind === 'select');
  switch (q.kind) {
    case 'select':
      return (
        <div className="flex flex-col gap-2">
          <p className={`text-base text-slate-700 dark:text-slate-300 ${BIG}`}>
            Click the child you predict on the tree (ringed), or press its number.
          </p>
          <ol aria-label="Candidates" className="flex flex-wrap gap-2">
            {q.candidates.map((c, i) => (
              <li key={c.id}>
                <button
                  type="button"
                  className={BUTTON}
                  onClick={() => answerQuestion({ kind: 'select', id: c.id })}
                >
                  {i < 9 && <span className={KEY_CHIP}>{i + 1}</span>}
                  <span>{c.text}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      );
    case 'backup':
      return <BackupForm />;
    case 'prune':
      return <PruneForm q={q} />;
    case 'result':
      return (
        <ul aria-label="Answers" className="flex flex-wrap gap-2">
          {q.options.map((o) => (
            <li key={o}>
              <button
                type="button"
                className={BUTTON}
                onClick={() => answerQuestion({ kind: 'result', answer: o })}
              >
                {o === '' ? 'no answer' : o}
              </button>
            </li>
          ))}
        </ul>
      );
    case 'choice':
      return (
        <ul aria-label="Options" className="flex flex-col gap-2">
          {q.options.map((o, i) => (
            <li key={i}>
              <button
                type="button"
                className={BUTTON}
                onClick={() => answerQuestion({ kind: 'choice', index: i })}
              >
                {o}
              </button>
            </li>
          ))}
        </ul>
      );
  }
}
