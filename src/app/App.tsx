import { useEffect } from 'react';
import { Controls } from '../components/Controls';
import { EngineBadge } from '../components/EngineBadge';
import { HelpOverlay } from '../components/help/HelpOverlay';
import { ImportedNotice } from '../components/ImportedNotice';
import { ImportExport } from '../components/ImportExport';
import { PageTabs } from '../components/lab/PageTabs';
import { useLabKeys } from '../components/lab/useLabKeys';
import { Inspector } from '../components/inspector/Inspector';
import { ModelActivity } from '../components/model/ModelActivity';
import { ModelPanel } from '../components/model/ModelPanel';
import { ServerPanel } from '../components/server/ServerPanel';
import { LazyLabPage, LazyRunLibrary } from '../components/lazy/panels';
import { NarrationLine } from '../components/NarrationLine';
import { PlaybackBar } from '../components/PlaybackBar';
import { RunSummary } from '../components/RunSummary';
import { PhaseStepper } from '../components/stepper/PhaseStepper';
import { ThemeToggle } from '../components/ThemeToggle';
import { Timeline } from '../components/timeline/Timeline';
import { TreeView } from '../components/tree/TreeView';
import { setHelpOpen, useArbor } from '../store';
import { useKeyboard } from './useKeyboard';

/** The visualizer's keys (stepping, playback), live only while the visualizer shows. */
function VisualizerKeys() {
  useKeyboard();
  return null;
}

/**
 * The visualizer: settings and the model panel on the left; playback, the phase strip,
 * narration (with the model's speed and the step it is writing when a model runs), the tree
 * and the timeline in the middle; the run summary and the inspector on the right. Fits a
 * 1366×768 laptop (the right column moves below on narrower screens) and a 1920×1080 projector.
 */
function Visualizer() {
  return (
    <div className="grid gap-4 p-4 xl:grid-cols-[17rem_minmax(0,1fr)_22rem] lg:grid-cols-[17rem_minmax(0,1fr)]">
      <aside
        aria-label="Settings"
        className="flex min-w-0 flex-col gap-4 lg:row-span-2 xl:row-span-1"
      >
        <Controls />
        <ModelPanel />
        <ServerPanel />
      </aside>
      <main className="flex min-w-0 flex-col gap-3">
        <PlaybackBar />
        <PhaseStepper />
        <NarrationLine />
        <ModelActivity />
        <ImportedNotice />
        <section aria-label="Search tree" className="flex flex-col gap-2">
          <TreeView />
        </section>
        <Timeline />
        <ImportExport />
        <LazyRunLibrary />
      </main>
      <aside aria-label="Run details" className="flex min-w-0 flex-col gap-4">
        <RunSummary />
        <Inspector />
      </aside>
    </div>
  );
}

/**
 * Arbor's page: the header (with the "Visualizer | Effort lab" tabs, L switches) over the
 * visualizer or the effort lab (issue 5). The store keeps each page's state while the other
 * shows.
 */
export function App() {
  useLabKeys();
  const theme = useArbor((s) => s.theme);
  const page = useArbor((s) => s.lab.page);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h1 className="text-xl font-bold">Arbor</h1>
        <PageTabs />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {page === 'lab'
            ? 'What more test-time compute buys: accuracy against compute, measured live.'
            : 'Watch a search over reasoning steps: MCTS, beam search, best-of-N.'}
        </p>
        {/* The lab shows its own engine in its setup (the grid may use another). */}
        {page === 'lab' ? <span className="ml-auto" /> : <EngineBadge className="ml-auto" />}
        <ThemeToggle />
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
      </header>
      <div
        id="page-panel"
        role="tabpanel"
        aria-labelledby={page === 'lab' ? 'page-tab-lab' : 'page-tab-visualizer'}
      >
        {page === 'lab' ? (
          <LazyLabPage />
        ) : (
          <>
            <VisualizerKeys />
            <Visualizer />
          </>
        )}
      </div>
      <HelpOverlay />
    </div>
  );
}
