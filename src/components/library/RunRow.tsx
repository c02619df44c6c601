import { useState } from 'react';
import type { RunMeta } from '../../library/meta';
import {
  algorithmLabel,
  formatDate,
  resultLabel,
  sourceLabel,
  taskLabel,
} from '../../library/meta';
import { deleteSavedRun, openSavedRun, renameSavedRun } from '../../store/libraryActions';
import { RenameField } from './RenameField';
import { DANGER_BUTTON, SMALL_BUTTON } from './styles';

function resultClass(meta: RunMeta): string {
  if (meta.result.kind !== 'answer') return 'text-slate-600 dark:text-slate-400';
  return meta.result.correct
    ? 'text-emerald-700 dark:text-emerald-400'
    : 'text-red-700 dark:text-red-400';
}

/** An imported question cut to one readable line ("no question in the file" without one). */
function shortQuestion(question: string | undefined): string {
  const text = (question ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return 'no question in the file';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * One saved run: its name, what it ran (task, problem, algorithm, budget), its result and
 * date; Open, Rename (in place) and Delete (after asking), and a tick to compare it with
 * another. Names are shown as text.
 */
export function RunRow({
  meta,
  ticked,
  onTick,
}: {
  meta: RunMeta;
  /** Ticked for comparison. */
  ticked: boolean;
  onTick: (on: boolean) => void;
}) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [busy, setBusy] = useState(false);
  const act = (work: Promise<unknown>) => {
    setBusy(true);
    void work.finally(() => {
      setBusy(false);
      setMode('view');
    });
  };
  return (
    <li
      aria-label={meta.name}
      className="flex flex-col gap-1 border-b border-slate-200 py-2 last:border-b-0 dark:border-slate-800"
    >
      {mode === 'rename' ? (
        <RenameField
          name={meta.name}
          onSave={(name) => act(renameSavedRun(meta.id, name))}
          onCancel={() => setMode('view')}
        />
      ) : (
        <p className="font-medium break-words" data-testid="run-name">
          {meta.name}
        </p>
      )}
      <p className="text-xs break-words text-slate-600 dark:text-slate-400">
        {meta.source !== undefined ? (
          // An imported tree: what its file says, not the defaults its settings carry.
          <>
            {shortQuestion(meta.question)} · {algorithmLabel(meta.algorithm)} · imported from{' '}
            {sourceLabel(meta.source)}
          </>
        ) : (
          <>
            {taskLabel(meta.task)} {meta.problemId} · {algorithmLabel(meta.algorithm)} ·{' '}
            {meta.budget}
          </>
        )}
      </p>
      <p className="text-xs">
        <span className={resultClass(meta)} data-testid="run-result">
          {resultLabel(meta.result)}
        </span>
        <span className="text-slate-600 dark:text-slate-400">
          {' '}
          · {meta.eventCount.toLocaleString('en-US')} events ·{' '}
          <time dateTime={meta.createdAt}>{formatDate(new Date(meta.createdAt))}</time>
        </span>
      </p>
      {mode === 'delete' ? (
        <div
          role="group"
          aria-label={`Delete ${meta.name}?`}
          className="flex flex-col gap-1 text-xs"
        >
          <span>Delete this saved run? This cannot be undone.</span>
          <span className="flex gap-1">
            <button
              type="button"
              className={DANGER_BUTTON}
              disabled={busy}
              onClick={() => act(deleteSavedRun(meta.id))}
            >
              Delete
            </button>
            <button type="button" className={SMALL_BUTTON} onClick={() => setMode('view')}>
              Keep
            </button>
          </span>
        </div>
      ) : (
        mode === 'view' && (
          <div className="flex items-center gap-1">
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={busy}
              onClick={() => act(openSavedRun(meta.id))}
            >
              Open
            </button>
            <button type="button" className={SMALL_BUTTON} onClick={() => setMode('rename')}>
              Rename
            </button>
            <button type="button" className={SMALL_BUTTON} onClick={() => setMode('delete')}>
              Delete
            </button>
            <label className="ml-auto flex items-center gap-1 text-xs">
              <input
                type="checkbox"
                checked={ticked}
                onChange={(e) => onTick(e.target.checked)}
                aria-label={`Tick ${meta.name} to compare`}
              />
              Compare
            </label>
          </div>
        )
      )}
    </li>
  );
}
