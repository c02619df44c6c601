import { lazy, Suspense, useState } from 'react';
import type { ComponentProps, ComponentType, ReactNode } from 'react';
import type { TreeCanvas } from '../tree/TreeCanvas';
import type { ServerEngineSettings } from '../../engines/server/settings';
import type { RunSource } from '../../run/runFile';
import { loadAllTasks } from '../../core/tasks/registry';
import { useArbor } from '../../store';
import type { TinyEngineSettings } from '../../engines/tiny/settings';
import type { WebLlmEngineSettings } from '../../engines/webllm/settings';

/**
 * The parts of the page that load when first opened (issue 14: fewer bytes before first
 * paint): the effort lab (with the compare view), the run library, the contents of the
 * Model (WebGPU) and Server panels, the model's readout under the narration, and the
 * comparison of two runs. Each is a chunk of its own; `preload…` starts fetching it
 * early (on hover or focus of the control that opens it), so it is usually there by the click.
 * `npm run check:size` (scripts/checkFirstPaint.ts) holds the first paint to its budget.
 */

/** A chunk that loads once: `load` starts (or joins) the fetch, `Component` renders it. */
function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { Component: ComponentType<P>; preload: () => void } {
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const fetchOnce = () => (pending ??= load().then((Component) => ({ default: Component })));
  return {
    Component: lazy(fetchOnce),
    preload: () => {
      void fetchOnce();
    },
  };
}

/**
 * A part that may show a run of any task (the lab's grids, saved runs, a comparison, an
 * imported tree's settings): it waits for every task's entry too (core/tasks/registry.ts).
 */
function withAllTasks<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadAllTasks()]).then(([part]) => part);
}

/** A small, honest placeholder while a part's chunk loads. */
function Loading({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="p-3 text-sm text-slate-600 dark:text-slate-400">
      {children}
    </p>
  );
}

const lab = lazyPart(withAllTasks(() => import('../lab/LabPage').then((m) => m.LabPage)));
// The library loads just after the first paint, so every task is there soon after it too.
const library = lazyPart(
  withAllTasks(() => import('../library/RunLibrary').then((m) => m.RunLibrary)),
);
const modelBody = lazyPart(() => import('../model/ModelPanelBody').then((m) => m.ModelPanelBody));
const activity = lazyPart(() =>
  import('../model/ModelActivityBody').then((m) => m.ModelActivityBody),
);
const serverForm = lazyPart(() => import('../server/ServerForm').then((m) => m.ServerForm));
// Shown only for runs read from files: never on the first screen.
const importedSettings = lazyPart(
  withAllTasks(() => import('../ImportedSettings').then((m) => m.ImportedSettings)),
);
const importChoices = lazyPart(() => import('../ImportChoices').then((m) => m.ImportChoices));
const tinyFields = lazyPart(() => import('../tiny/TinyFields').then((m) => m.TinyFields));
// A model's and a server's knobs show only once a model is loaded or a server connected
// (both load lazily themselves), so they are never on the first screen.
const webLlmFields = lazyPart(() => import('../model/WebLlmFields').then((m) => m.WebLlmFields));
const serverFields = lazyPart(() => import('../server/ServerFields').then((m) => m.ServerFields));

/** Starts loading the effort lab (hover or focus of its tab). */
export const preloadLab = lab.preload;
/** Starts loading the Model (WebGPU) panel's contents (hover or focus of its header). */
export const preloadModelPanelBody = modelBody.preload;
/** Starts loading the Server panel's form (hover or focus of its header). */
export const preloadServerForm = serverForm.preload;

/** The effort lab page, loaded when first shown. */
export function LazyLabPage() {
  return (
    <Suspense fallback={<Loading>Loading the effort lab…</Loading>}>
      <lab.Component />
    </Suspense>
  );
}

/** The run library, loaded just after the first paint (it sits below the tree). */
export function LazyRunLibrary() {
  return (
    <Suspense fallback={<Loading>Loading saved runs…</Loading>}>
      <library.Component />
    </Suspense>
  );
}

/** The Model (WebGPU) panel's contents, loaded when the panel is first opened. */
export function LazyModelPanelBody() {
  return (
    <Suspense fallback={<Loading>Loading the model panel…</Loading>}>
      <modelBody.Component />
    </Suspense>
  );
}

/** The Server panel's form, loaded when the panel is first opened. */
export function LazyServerForm() {
  return (
    <Suspense fallback={<Loading>Loading the server panel…</Loading>}>
      <serverForm.Component />
    </Suspense>
  );
}

/** The settings column of an imported tree (what the file is), loaded with the first import. */
export function LazyImportedSettings({ source }: { source: RunSource }) {
  return (
    <Suspense fallback={<Loading>Loading…</Loading>}>
      <importedSettings.Component source={source} />
    </Suspense>
  );
}

/** The questions of a file with several trees, loaded when such a file asks for a choice. */
export function LazyImportChoices() {
  const waiting = useArbor((s) => s.importChoices !== null);
  if (!waiting) return null;
  return (
    <Suspense fallback={null}>
      <importChoices.Component />
    </Suspense>
  );
}

/** The web-llm engine's knobs, loaded when that engine is chosen (a model is loaded). */
export function LazyWebLlmFields({ engine }: { engine: WebLlmEngineSettings }) {
  return (
    <Suspense fallback={<Loading>Loading the model’s settings…</Loading>}>
      <webLlmFields.Component engine={engine} />
    </Suspense>
  );
}

/** The server engine's knobs, loaded when that engine is chosen (a server is connected). */
export function LazyServerFields({ engine }: { engine: ServerEngineSettings }) {
  return (
    <Suspense fallback={<Loading>Loading the server’s settings…</Loading>}>
      <serverFields.Component engine={engine} />
    </Suspense>
  );
}

/** The tiny model's knobs, loading and about-note, loaded when the tiny model is chosen. */
export function LazyTinyFields({ engine }: { engine: TinyEngineSettings }) {
  return (
    <Suspense fallback={<Loading>Loading the tiny model’s settings…</Loading>}>
      <tinyFields.Component engine={engine} />
    </Suspense>
  );
}

/** The model's speed readout and the step it is writing, loaded with the first model run. */
export function LazyModelActivityBody() {
  return (
    <Suspense fallback={<Loading>Loading the model readout…</Loading>}>
      <activity.Component />
    </Suspense>
  );
}

const inspector = lazyPart(() => import('../inspector/Inspector').then((m) => m.Inspector));
const help = lazyPart(() => import('../help/HelpOverlay').then((m) => m.HelpOverlay));

/**
 * The inspector, loaded just after the first paint (nothing is selected on the first
 * screen); until it arrives it shows the same empty panel it starts with.
 */
export function LazyInspector() {
  return (
    <Suspense
      fallback={
        <section
          aria-labelledby="inspector-heading"
          className="flex flex-col gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="inspector-heading" className="font-semibold">
            Inspector
          </h2>
          <p className="text-slate-600 dark:text-slate-400">Loading the inspector…</p>
        </section>
      }
    >
      <inspector.Component />
    </Suspense>
  );
}

/**
 * The keyboard help, loaded the first time it opens (? or the header's button), then kept
 * mounted so it opens and closes as it always did.
 */
export function LazyHelpOverlay({ open }: { open: boolean }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <help.Component />
    </Suspense>
  );
}

const compare = lazyPart(
  withAllTasks(() => import('../compare/CompareDialog').then((m) => m.CompareDialog)),
);

/**
 * The comparison of two runs, loaded the first time one opens (from the library, the
 * visualizer's "Compare with…" or the lab), then kept mounted so it opens and closes at once.
 */
export function LazyCompareDialog({ open }: { open: boolean }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <compare.Component />
    </Suspense>
  );
}

const canvas = lazyPart(() => import('../tree/TreeCanvas').then((m) => m.TreeCanvas));

/**
 * The tree drawn on a canvas (past 1,000 nodes), loaded the first time a tree is that large:
 * the canvas renderer is not in the first paint, which draws the example run's small tree in
 * SVG. Until it arrives the tree area says so.
 */
export function LazyTreeCanvas(props: ComponentProps<typeof TreeCanvas>) {
  return (
    <Suspense fallback={<Loading>Drawing the large tree on a canvas…</Loading>}>
      <canvas.Component {...props} />
    </Suspense>
  );
}

// The lesson player (issue 11): its step panel with the question for the class, and the
// lesson picker. Both load with the lesson player's actions and zod's lesson schema.
const lessonStage = lazyPart(
  withAllTasks(() => import('../lesson/LessonStage').then((m) => m.LessonStage)),
);
const lessonPicker = lazyPart(
  withAllTasks(() => import('../lesson/LessonPicker').then((m) => m.LessonPicker)),
);

/** Starts loading the lesson picker (hover or focus of the header's Lessons button). */
export const preloadLessonPicker = lessonPicker.preload;

/** The open lesson's step and its question, loaded when a lesson or a question first shows. */
export function LazyLessonStage() {
  const shown = useArbor(
    (s) => s.lesson !== null || s.question !== null || s.questionError !== null,
  );
  if (!shown) return null;
  return (
    <Suspense fallback={<Loading>Loading the lesson…</Loading>}>
      <lessonStage.Component />
    </Suspense>
  );
}

/**
 * The lesson picker, loaded the first time it opens, then kept mounted (like the help).
 * It also shows why a lesson asked for by a link could not open.
 */
export function LazyLessonPicker() {
  const wanted = useArbor((s) => s.lessonPickerOpen);
  const [opened, setOpened] = useState(wanted);
  if (wanted && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <lessonPicker.Component />
    </Suspense>
  );
}
