import type { KeyboardEvent } from 'react';
import { useId } from 'react';
import type { FindOutcome } from '../../layout/find';
import { FIND_OUTCOMES } from '../../layout/find';
import type { Find } from './useFind';

const FIELD =
  'h-7 rounded border border-slate-300 bg-white px-1.5 text-slate-900 placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400';
const BUTTON =
  'h-7 min-w-7 rounded border border-slate-300 bg-white px-1.5 text-slate-900 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/** "3 of 12", "12 matches", "no match". */
function countText(find: Find): string {
  const n = find.result.matches.length;
  if (!find.result.active || find.result.error !== null) return '';
  if (n === 0) return 'no match';
  if (find.currentIndex !== null) return `${find.currentIndex + 1} of ${n}`;
  return n === 1 ? '1 match' : `${n} matches`;
}

/**
 * The find box over the tree: step text, PRM score range and outcome; the matches are haloed
 * on the tree. Enter / Shift+Enter move to the next / previous match (centred and inspected),
 * Escape clears; `/` or Ctrl+F anywhere in the visualizer focuses the text field.
 */
export function FindBar({ find }: { find: Find }) {
  const errorId = useId();
  const { query, setQuery, result } = find;
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      find.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      find.clear();
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    }
  };
  const none = result.matches.length === 0;
  return (
    <search
      aria-label="Find nodes"
      className="presentation:hidden"
      data-find=""
      onKeyDown={onKeyDown}
    >
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <input
          type="search"
          data-find-input=""
          aria-label="Find step text"
          placeholder="Find a step ( / )"
          className={`${FIELD} w-40`}
          value={query.text}
          maxLength={200}
          onChange={(e) => setQuery({ ...query, text: e.target.value })}
        />
        <input
          type="text"
          aria-label="PRM score range"
          aria-invalid={result.error !== null}
          aria-describedby={result.error !== null ? errorId : undefined}
          placeholder="PRM, e.g. 0.2–0.9"
          className={`${FIELD} w-32 ${result.error !== null ? 'border-red-600 dark:border-red-400' : ''}`}
          value={query.prm}
          maxLength={40}
          onChange={(e) => setQuery({ ...query, prm: e.target.value })}
        />
        <select
          aria-label="Outcome"
          className={FIELD}
          value={query.outcome ?? ''}
          onChange={(e) =>
            setQuery({
              ...query,
              outcome: e.target.value === '' ? null : (e.target.value as FindOutcome),
            })
          }
        >
          <option value="">any outcome</option>
          {FIND_OUTCOMES.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={BUTTON}
          disabled={none}
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          onClick={() => find.step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={none}
          aria-label="Next match"
          title="Next match (Enter)"
          onClick={() => find.step(1)}
        >
          ↓
        </button>
        <span
          role="status"
          data-find-count=""
          className="min-w-16 text-slate-700 dark:text-slate-300"
        >
          {countText(find)}
        </span>
        {result.active && (
          <button type="button" className={BUTTON} title="Clear (Escape)" onClick={find.clear}>
            Clear
          </button>
        )}
      </div>
      {result.error !== null && (
        <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-300">
          {result.error}
        </p>
      )}
    </search>
  );
}
