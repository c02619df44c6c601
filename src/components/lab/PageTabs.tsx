import type { KeyboardEvent } from 'react';
import type { LabPage } from '../../store';
import { setLabPage, useArbor } from '../../store';
import { preloadLab } from '../lazy/panels';

const PAGES: readonly { page: LabPage; label: string }[] = [
  { page: 'visualizer', label: 'Visualizer' },
  { page: 'lab', label: 'Effort lab' },
];

/**
 * The header's page tabs, "Visualizer | Effort lab" (also L). Arrow keys move between them
 * as in a tab list; the page below is their tab panel.
 */
export function PageTabs() {
  const page = useArbor((s) => s.lab.page);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') {
      return;
    }
    e.preventDefault();
    const next: LabPage =
      e.key === 'Home'
        ? 'visualizer'
        : e.key === 'End'
          ? 'lab'
          : page === 'lab'
            ? 'visualizer'
            : 'lab';
    setLabPage(next);
    document.getElementById(`page-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Page" className="flex gap-1 text-sm">
      {PAGES.map((p) => {
        const on = page === p.page;
        return (
          <button
            key={p.page}
            id={`page-tab-${p.page}`}
            type="button"
            role="tab"
            aria-selected={on}
            aria-controls="page-panel"
            tabIndex={on ? 0 : -1}
            title={`${p.label} (L switches)`}
            className={`rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 ${on ? 'bg-slate-900 font-semibold text-white dark:bg-slate-100 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
            onClick={() => setLabPage(p.page)}
            onPointerEnter={p.page === 'lab' ? preloadLab : undefined}
            onFocus={p.page === 'lab' ? preloadLab : undefined}
            onKeyDown={onKey}
          >
            {p.label}
          </button>
        );
      })}
    </div>
  );
}
