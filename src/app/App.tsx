import { useEffect, useRef } from 'react';
import { Controls } from '../components/Controls';
import { EngineBadge } from '../components/EngineBadge';
import { ImportedNotice } from '../components/ImportedNotice';
import { ImportExport } from '../components/ImportExport';
import { PageTabs } from '../components/lab/PageTabs';
import { useLabKeys } from '../components/lab/useLabKeys';
import { ModelActivity } from '../components/model/ModelActivity';
import { ModelPanel } from '../components/model/ModelPanel';
import { ServerPanel } from '../components/server/ServerPanel';
import {
  LazyCompareDialog,
  LazyHelpOverlay,
  LazyInspector,
  LazyLabPage,
  LazyLessonPicker,
  LazyLessonStage,
  LazyRunLibrary,
} from '../components/lazy/panels';
import { LessonsButton } from '../components/lesson/LessonsButton';
import { NarrationLine } from '../components/NarrationLine';
import { PlaybackBar } from '../components/PlaybackBar';
import { RunSummary } from '../components/RunSummary';
import { PhaseStepper } from '../components/stepper/PhaseStepper';
import { PresentButton } from '../components/presentation/PresentButton';
import { ThemeToggle } from '../components/ThemeToggle';
import { Timeline } from '../components/timeline/Timeline';
import { TreeView } from '../components/tree/TreeView';
import { setHelpOpen, useArbor } from '../store';
import { useKeepTreeInView, usePresentationLayout, usePresentationRoot } from './presentation';
import { useKeyboard, useLessonKeys } from './useKeyboard';
import { useWide } from './useWide';

/** The visualizer's keys (stepping, playback), live only while the visualizer shows. */
function VisualizerKeys() {
  useKeyboard();
  return null;
}

/** The lesson's keys on the lab page (the visualizer's keys include them there). */
function LessonKeys() {
  useLessonKeys();
  return null;
}

/** Hidden in presentation mode (kept mounted, so leaving restores it as it was). */
const OFF_STAGE = 'presentation:hidden';

/**
 * Presentation mode's stage below the compact header (3 rem): the tree on the left, the
 * playback bar, the phase strip and the narration on the right (a 16:9 screen is wide).
 */
const STAGE =
  'presentation:grid presentation:h-[calc(100vh-4rem)] presentation:grid-cols-[minmax(0,6fr)_minmax(0,5fr)] presentation:grid-rows-[auto_auto_auto_minmax(0,1fr)] presentation:gap-x-4';

/**
 * The visualizer: settings and the model panel on the left; playback, the phase strip,
 * narration (with the model's speed and the step it is writing when a model runs), the tree
 * and the timeline in the middle; the run summary and the inspector on the right. Fits a
 * 1366×768 laptop (the right column moves below on narrower screens) and a 1920×1080 projector.
 * In presentation mode only the playback bar, the phase strip, the narration and the tree
 * show, the tree taking the rest of the screen; on a narrow page (settings above the tree)
 * stepping scrolls the tree back into view.
 */
function Visualizer() {
  const top = useRef<HTMLElement>(null);
  const slot = useRef<HTMLElement>(null);
  usePresentationLayout(slot);
  useKeepTreeInView(top, slot);
  const lessonOpen = useArbor((s) => s.lesson !== null);
  // A question for the class takes the projector's column: the phase strip and the narration
  // step aside until the lesson moves on (the tree still shows the phase).
  const asking = useArbor((s) => s.lesson !== null && s.question !== null);
  // On a wide laptop screen a lesson sits in the right-hand column, so the tree stays in view
  // under the playback bar; on the projector and narrower screens it leads the middle column.
  const presenting = useArbor((s) => s.presenting);
  const lessonBeside = useWide() && !presenting;
  return (
    <div className="grid gap-4 p-4 xl:grid-cols-[17rem_minmax(0,1fr)_22rem] lg:grid-cols-[17rem_minmax(0,1fr)] presentation:block presentation:px-3 presentation:py-2">
      <aside
        aria-label="Settings"
        className={`flex min-w-0 flex-col gap-4 lg:row-span-2 xl:row-span-1 ${OFF_STAGE}`}
      >
        <Controls />
        <ModelPanel />
        <ServerPanel />
      </aside>
      <section
        ref={top}
        aria-label="Run"
        className={`flex min-w-0 scroll-mt-2 flex-col gap-3 ${STAGE}`}
      >
        {/* A lesson's step and its question (issue 11), first: nothing when no lesson plays.
            On the projector it takes what it needs of the column and scrolls beyond. */}
        <div
          className={`presentation:col-start-2 presentation:row-start-1 presentation:overflow-y-auto ${asking ? 'presentation:max-h-[calc(100vh-4rem)]' : 'presentation:max-h-[62vh]'}`}
        >
          {!lessonBeside && <LazyLessonStage />}
        </div>
        {/* A lesson drives the cursor on the projector (its keys stay): the bar makes room. */}
        <div
          className={`presentation:col-start-2 presentation:row-start-2 ${lessonOpen ? OFF_STAGE : ''}`}
        >
          <PlaybackBar />
        </div>
        <div
          className={`presentation:col-start-2 presentation:row-start-3 ${asking ? OFF_STAGE : ''}`}
        >
          <PhaseStepper />
        </div>
        <div
          className={`presentation:col-start-2 presentation:row-start-4 presentation:flex presentation:min-h-0 presentation:flex-col ${asking ? OFF_STAGE : ''}`}
        >
          <NarrationLine />
        </div>
        <div className={OFF_STAGE}>
          <ModelActivity />
          <ImportedNotice />
        </div>
        <section
          ref={slot}
          aria-label="Search tree"
          className="flex flex-col gap-2 presentation:col-start-1 presentation:row-span-4 presentation:row-start-1"
        >
          <TreeView />
        </section>
        <div className={`flex flex-col gap-3 ${OFF_STAGE}`}>
          <Timeline />
          <ImportExport />
          <LazyRunLibrary />
        </div>
      </section>
      <aside aria-label="Run details" className={`flex min-w-0 flex-col gap-4 ${OFF_STAGE}`}>
        {lessonBeside && <LazyLessonStage />}
        <RunSummary />
        <LazyInspector />
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
  const lessonOpen = useArbor((s) => s.lesson !== null);
  const theme = useArbor((s) => s.theme);
  const helpOpen = useArbor((s) => s.helpOpen);
  const comparing = useArbor((s) => s.comparison !== null);
  const page = useArbor((s) => s.lab.page);
  const presentation = usePresentationRoot();
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  return (
    <div
      {...presentation}
      className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100 presentation:text-black dark:presentation:text-white"
    >
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800 presentation:h-12 presentation:flex-nowrap presentation:overflow-hidden presentation:py-1">
        <h1 className="text-xl font-bold">Arbor</h1>
        <div className={OFF_STAGE}>
          <PageTabs />
        </div>
        <p className={`text-sm text-slate-600 dark:text-slate-400 ${OFF_STAGE}`}>
          {page === 'lab'
            ? 'What more test-time compute buys: accuracy against compute, measured live.'
            : 'Watch a search over reasoning steps: MCTS, beam search, best-of-N.'}
        </p>
        {/* The lab shows its own engine in its setup (the grid may use another). */}
        {page === 'lab' ? <span className="ml-auto" /> : <EngineBadge className="ml-auto" />}
        <LessonsButton />
        <PresentButton />
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
      {/* One main landmark around either page, so no content is outside a landmark. */}
      <main>
        <div
          id="page-panel"
          role="tabpanel"
          aria-labelledby={page === 'lab' ? 'page-tab-lab' : 'page-tab-visualizer'}
        >
          {page === 'lab' ? (
            <>
              {/* A lesson's lab step: its words and Back / Next above the lab. */}
              {lessonOpen && (
                <div className="px-4 pt-3 presentation:px-3 presentation:pt-2">
                  <LessonKeys />
                  <LazyLessonStage />
                </div>
              )}
              <LazyLabPage />
            </>
          ) : (
            <>
              <VisualizerKeys />
              <Visualizer />
            </>
          )}
        </div>
      </main>
      <LazyHelpOverlay open={helpOpen} />
      <LazyCompareDialog open={comparing} />
      <LazyLessonPicker />
    </div>
  );
}
