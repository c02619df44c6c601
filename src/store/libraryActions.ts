import type { CheckpointedTrace } from '../core/tree/checkpoints';
import { onOtherTabChange } from '../library/channel';
import { LibraryError, classifyError } from '../library/errors';
import type { RunMeta } from '../library/meta';
import { savedRunTitle } from '../library/meta';
import type { ComparedRun } from './compareSlice';
import { openComparison } from './compareActions';
import type { RunLifecycleEvent } from './lifecycle';
import { exportRun, importRun } from './runActions';
import { useArbor } from './store';
import { isUnsavedRun } from './unsavedRun';

/** The library's IndexedDB code (idb, the run records), imported on first use. */
const library = () => import('../library/library');

/**
 * Library actions as module functions (like `./runActions`): save the current run, list,
 * open, rename and delete saved runs. Failures never throw: they set `libraryError`, and the
 * list keeps what was saved before.
 */

const get = useArbor.getState;
const set = useArbor.setState;

/**
 * The library entry the current run is saved as, tied to its trace (a new run or an import
 * replaces the trace object). Saving the current run again updates that entry and keeps its
 * creation time, so a run is listed once however often it is saved.
 */
let current: { trace: CheckpointedTrace; id: string; createdAt: string; events: number } | null =
  null;

/** Saves runs one after another, so a second save of a run sees the entry the first made. */
let saving: Promise<unknown> = Promise.resolve();

function failed(error: unknown, operation: Parameters<typeof classifyError>[1]): void {
  const e = error instanceof LibraryError ? error : classifyError(error, operation);
  set({ libraryError: { kind: e.kind, message: e.message } });
}

/** Reloads the list of saved runs (the panel calls it on mount and when another tab writes). */
export async function refreshLibrary(): Promise<void> {
  try {
    const runs = await (await library()).listRuns();
    set({ libraryRuns: runs, libraryState: 'ready', libraryBlocked: false });
  } catch (error) {
    set({ libraryState: 'ready' });
    failed(error, 'list');
  }
}

/** Puts an entry at the top of the list (replacing its old place). */
function upsert(meta: RunMeta): void {
  set({ libraryRuns: [meta, ...get().libraryRuns.filter((r) => r.id !== meta.id)] });
}

/**
 * Resolves once the page has drawn a frame (or after 100 ms in a tab that draws none; at
 * once where there are no frames, as in Node).
 */
function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/** A run as it was when it ended or was imported: its trace and its run file. */
export interface RunTaken {
  trace: CheckpointedTrace;
  file: ReturnType<typeof exportRun>;
}

/**
 * What the library does when a run ends or is imported (the listener is `./libraryWatch`,
 * which takes the run as it was at that moment: the user may have started another by the
 * time this code has loaded). Saves it, except a run just opened from the library, which is
 * that entry already (`openSavedRun` records it as the current entry itself, before it
 * resolves). An imported file is saved after the page has drawn it: writing a large run into
 * IndexedDB copies it on the page's thread (about 1 s for 100,000 events), and the user
 * should see the tree first.
 */
export function afterRunLifecycle(event: RunLifecycleEvent, taken: RunTaken): void {
  if (event.type === 'imported' && event.origin.kind === 'library') return;
  if (event.type === 'imported') {
    void afterNextFrame().then(() => queueSave(() => saveNow(false, taken)));
    return;
  }
  void queueSave(() => saveNow(false, taken));
}

/**
 * Saves the current run in the library (`exportRun()`): done when a run finishes, stops or
 * fails, and after an import of a file (the run lifecycle). Saving the same run again updates
 * its entry. A run with no events is not saved, nor one already saved as it is. Saves are made
 * in turn, so a second save of a run sees the entry the first made.
 * @param options.manual the user asked (the "Save run" button): saves even the startup run
 * @returns the saved entry, or null when nothing was written (no events, already saved, or
 *   a failure, which sets `libraryError`)
 */
export function saveCurrentRun(options: { manual?: boolean } = {}): Promise<RunMeta | null> {
  return queueSave(() => saveNow(options.manual === true));
}

/** Runs a save after those queued before it. */
function queueSave(save: () => Promise<RunMeta | null>): Promise<RunMeta | null> {
  const next = saving.then(save);
  saving = next;
  return next;
}

/** Saves a run: the current one, or one taken as it was (its trace and its file). */
async function saveNow(manual: boolean, taken: RunTaken | null = null): Promise<RunMeta | null> {
  const trace = taken?.trace ?? get().trace;
  if (trace.length === 0 || (!manual && isUnsavedRun(trace))) return null;
  const mine = current !== null && current.trace === trace ? current : null;
  // Already saved as it is (e.g. a run just opened from the library): nothing to write.
  if (mine && mine.events === trace.length) return null;
  const file = taken?.file ?? exportRun();
  if (mine) file.createdAt = mine.createdAt;
  try {
    const meta = await (await library()).saveRun(file, mine ? { replace: mine.id } : {});
    if (get().trace === trace) {
      current = { trace, id: meta.id, createdAt: meta.createdAt, events: meta.eventCount };
    }
    upsert(meta);
    set({ libraryError: null });
    return meta;
  } catch (error) {
    failed(error, 'save');
    return null;
  }
}

/** Opens a saved run: it replaces the current run, as an imported file does. */
export async function openSavedRun(id: string): Promise<boolean> {
  try {
    const file = await (await library()).loadRun(id);
    const parsed = await importRun(file, undefined, {
      kind: 'library',
      id,
      createdAt: file.createdAt,
    });
    if (!parsed.ok) {
      set({
        libraryError: {
          kind: 'failed',
          message: `The saved run could not be opened: ${parsed.error}`,
        },
      });
      return false;
    }
    const { trace } = get();
    current = { trace, id, createdAt: file.createdAt, events: trace.length };
    set({ libraryError: null });
    return true;
  } catch (error) {
    failed(error, 'load');
    await refreshLibrary(); // it may have been deleted in another tab
    return false;
  }
}

/** Renames a saved run (an empty name goes back to the default). */
export async function renameSavedRun(id: string, name: string): Promise<void> {
  try {
    const meta = await (await library()).renameRun(id, name);
    // The open run is this entry: its file carries the new name (none for the default).
    if (current?.id === id && current.trace === get().trace) {
      set({ name: name.trim() === '' ? null : meta.name });
    }
    set({
      libraryRuns: get().libraryRuns.map((r) => (r.id === id ? meta : r)),
      libraryError: null,
    });
  } catch (error) {
    failed(error, 'rename');
  }
}

/** Deletes a saved run (the panel asks first). */
export async function deleteSavedRun(id: string): Promise<void> {
  try {
    await (await library()).deleteRun(id);
    if (current?.id === id) current = null;
    set({ libraryRuns: get().libraryRuns.filter((r) => r.id !== id), libraryError: null });
  } catch (error) {
    failed(error, 'delete');
  }
}

/** Clears the library's message. */
export function dismissLibraryError(): void {
  set({ libraryError: null });
}

/**
 * Keeps the list in step with other tabs (their writes reload it) and says when an upgrade
 * waits for another tab. The panel calls it once on mount.
 * @returns a function that stops listening
 */
export function watchLibrary(): () => void {
  void import('../library/db').then((db) =>
    db.setBlockedListener(() => set({ libraryBlocked: true })),
  );
  const stop = onOtherTabChange(() => void refreshLibrary());
  void refreshLibrary();
  return stop;
}

/** The title the visualizer's run goes by in a comparison. */
export function currentRunTitle(): string {
  const { name } = get();
  return name ? `This run: ${name}` : 'This run (in the visualizer)';
}

/** A saved run as one side, or null (with `compareError` set) when it cannot be loaded. */
async function savedRun(id: string): Promise<ComparedRun | null> {
  const meta = get().libraryRuns.find((r) => r.id === id);
  try {
    const file = await (await library()).loadRun(id);
    return {
      title: meta ? savedRunTitle(meta) : (file.name ?? id),
      events: file.events,
      task: file.settings.task,
    };
  } catch (error) {
    const e = error instanceof LibraryError ? error : classifyError(error, 'load');
    set({ compareError: e.message });
    return null;
  }
}

/**
 * Compares two saved runs, `left` on the left.
 * @returns whether the comparison opened (false: `compareError` says why)
 */
export async function compareSavedRuns(left: string, right: string): Promise<boolean> {
  // One after the other: the second is not read when the first is gone.
  const a = await savedRun(left);
  const b = a && (await savedRun(right));
  if (!a || !b) return false;
  openComparison(a, b);
  return true;
}

/**
 * Compares the visualizer's run (on the left, as far as it has got) with a saved run.
 * @returns whether the comparison opened (false: `compareError` says why)
 */
export async function compareCurrentWith(savedId: string): Promise<boolean> {
  const { trace, settings } = get();
  const mine: ComparedRun = { title: currentRunTitle(), events: trace.all, task: settings.task };
  const other = await savedRun(savedId);
  if (!other) return false;
  openComparison(mine, other);
  return true;
}
