import type { ImportOptions, ImportProgress, ImportResult } from '../importers';
import { CHECKPOINT_INTERVAL } from '../core/tree/checkpoints';
import type { TraceEvent } from '../core/tree/events';
import { replayReadInSlices, withTrace } from '../run/readRun';
import type { ParsedRun, RunFile } from '../run/runFile';
import { makeRunFile } from '../run/runFile';
import type { RunSettings } from '../run/settings';
import { engineFor } from '../engines/registry';
import { modelSession } from '../engines/webllm/session';
import type { ImportOrigin } from './lifecycle';
import { announce } from './lifecycle';
import { cancelPlay } from './playToken';
import { RunSource, serial } from './runner';
import { emptyRun } from './runSlice';
import { update, useArbor } from './store';
import { allTasksOrError, withTask } from './taskLoading';
import { clearedView } from './viewSlice';

/**
 * Run actions as module functions (zustand's "practice with no store actions"): the UI, the
 * play loop and the test hook call them without hooks. The live search is pulled lazily: a
 * step past the last recorded event pulls the next one from the search.
 */

const get = useArbor.getState;

/** The live search of the current run; null before the first pull and once it finished. */
let source: RunSource | null = null;
/** Bumped by every reset or import, so a pull that was in flight for an old run is dropped. */
let epoch = 0;

function moveTo(cursor: number): void {
  const { trace } = get();
  const c = Math.max(0, Math.min(Math.floor(cursor), trace.length));
  // Landing on the last event of a finished run stops playback in the same update, so no
  // render shows a finished run with a Pause button (the play loop then ends itself).
  const ends = get().complete && c >= trace.length && get().playing;
  update({
    cursor: c,
    eventCount: trace.length,
    tree: trace.treeAt(c),
    ...(ends ? { playing: false } : {}),
  });
}

function stopSource(): void {
  epoch += 1;
  source?.stop();
  source = null;
}

/**
 * What the engine recorded of the run that just ended (a server's replies) and the model that
 * made it (the tiny model's name and hash), kept for its file.
 */
function keepRecording(): void {
  const engine = engineFor(get().settings.engine);
  const recording = engine.lastRecording?.() ?? null;
  if (recording !== null) update({ recording });
  const runModel = engine.model?.() ?? null;
  if (runModel !== null) update({ runModel });
}

function fail(error: unknown): void {
  cancelPlay();
  stopSource();
  const message = error instanceof Error ? error.message : String(error);
  update({ error: message, busy: false, eventCount: get().trace.length });
  keepRecording();
  announce({ type: 'ended', how: 'failed' });
}

function finish(): void {
  source?.stop();
  source = null;
  update({ complete: true, eventCount: get().trace.length });
  keepRecording();
  announce({ type: 'ended', how: 'finished' });
}

/** Pulls one event from the live search into the trace (not moving the cursor). */
async function pull(): Promise<'event' | 'end' | 'stale'> {
  const s = get();
  if (s.complete || s.error !== null) return 'end';
  const mine = epoch;
  source ??= new RunSource(s.settings);
  let event: TraceEvent | null;
  try {
    event = await source.next();
  } catch (error) {
    if (mine !== epoch) return 'stale';
    fail(error);
    return 'end';
  }
  if (mine !== epoch) return 'stale';
  if (event === null) {
    finish();
    return 'end';
  }
  try {
    get().trace.append(event);
  } catch (error) {
    fail(error);
    return 'end';
  }
  if (event.type === 'done') finish();
  return 'event';
}

/**
 * Advances the cursor one event, pulling the next event from the search when the cursor is
 * at the end of the trace. Does not touch playback (the play loop calls it).
 * @returns whether the cursor moved (false at the end of the run or on an error)
 */
export function advance(): Promise<boolean> {
  const mine = epoch;
  return serial(async () => {
    if (mine !== epoch) return false; // the run was reset or replaced while this step queued
    if (get().cursor >= get().trace.length && (await pull()) !== 'event') return false;
    const { cursor, trace } = get();
    if (cursor >= trace.length) return false;
    moveTo(cursor + 1);
    return true;
  });
}

/**
 * Advances the cursor by up to `count` events in one move (one store update, one render):
 * recorded events at once, then events pulled from the live search until `count`, the end of
 * the run, an abort of `signal`, or `budgetMs` spent pulling (a slow engine's events show as
 * they come). Does not touch playback (the play loop calls it once per frame).
 * @returns how many events the cursor moved, and whether the run ended (before `count`, or on its last event)
 */
export function advanceBy(
  count: number,
  signal: AbortSignal,
  budgetMs: number,
): Promise<{ moved: number; ended: boolean }> {
  const mine = epoch;
  return serial(async () => {
    if (mine !== epoch) return { moved: 0, ended: true };
    const from = get().cursor;
    const target = from + count;
    const start = performance.now();
    let ended = false;
    while (get().trace.length < target && !signal.aborted) {
      if (get().trace.length > from && performance.now() - start > budgetMs) break;
      const pulled = await pull();
      if (pulled !== 'event') {
        ended = pulled === 'end';
        break;
      }
    }
    if (mine !== epoch) return { moved: 0, ended: true };
    const to = Math.min(target, get().trace.length);
    if (to > from) moveTo(to);
    const atEnd = get().complete && to >= get().eventCount;
    return { moved: to - from, ended: (ended && to < target) || atEnd };
  });
}

/** Step: pauses playback and advances one event (resuming a paused model request). */
export function step(): Promise<boolean> {
  cancelPlay();
  modelSession.gate.resume();
  return advance();
}

/**
 * Stop: ends a live search before it finishes. A model request in flight is interrupted
 * (`interruptGenerate`) and its partial step dropped, so the tree holds only whole events;
 * the events so far stay, and the run is marked stopped.
 */
export function stopRun(): void {
  cancelPlay();
  const s = get();
  if (s.complete || s.error !== null) return;
  stopSource();
  modelSession.gate.resume(); // a paused request must wake up to see the abort
  update({ complete: true, stopped: true, busy: false, eventCount: get().trace.length });
  keepRecording();
  announce({ type: 'ended', how: 'stopped' });
}

/** Moves the cursor to `count` events applied (clamped to the recorded events); pauses. */
export function seek(count: number): void {
  cancelPlay();
  moveTo(Number.isFinite(count) ? count : 0);
}

/** Reset: an empty trace, cursor 0 and a new search from the current settings. */
export function reset(): void {
  cancelPlay();
  stopSource();
  // The model's usage counts are per run, like the trace.
  useArbor.setState({
    ...emptyRun(),
    ...clearedView(),
    importError: null,
    modelStats: null,
    draft: null,
  });
}

/** Replaces the settings and resets the run (a run always matches its settings). */
export function setSettings(settings: RunSettings): void {
  withTask(settings.task, () => {
    useArbor.setState({ settings });
    reset();
  });
}

/** Runs the search to its end and puts the cursor on the last event. */
export async function runToEnd(): Promise<void> {
  cancelPlay();
  if (get().error !== null || get().busy) return;
  modelSession.gate.resume();
  const mine = epoch;
  update({ busy: true });
  await serial(async () => {
    let pulled = 0;
    let shown = performance.now();
    while ((await pull()) === 'event') {
      pulled += 1;
      // Let the page breathe on long runs: show progress and handle input now and then —
      // every 512 events of a fast engine, or every 100 ms of a slow one (a model), whose
      // tree then grows on screen as it is searched.
      if (pulled % 512 === 0 || performance.now() - shown > 100) {
        if (!engineFor(get().settings.engine).capabilities.reproducible) {
          moveTo(get().trace.length);
        } else update({ eventCount: get().trace.length });
        await new Promise((resolve) => setTimeout(resolve, 0));
        shown = performance.now();
      }
    }
  });
  if (mine !== epoch && get().error === null) return;
  update({ busy: false });
  moveTo(get().trace.length);
}

/** The latest import: a result that arrives after a newer import (or a reset) started is dropped. */
let importToken = 0;

/**
 * Reads a run file: text in any format Arbor reads (its own, or another tool's tree), or a
 * parsed value taken as an Arbor run file. The readers (zod schemas, the foreign formats)
 * are loaded on the first import, so they stay out of the first paint.
 */
async function readRun(
  input: unknown,
  fileName?: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (typeof input === 'string') {
    const { importRunText } = await import('../importers');
    return importRunText(input, fileName, options);
  }
  const { parseRunFile } = await import('../run/parseRunFile');
  return parseRunFile(input);
}

/**
 * Replaces the run with one from a run file (a JSON string or parsed value). The imported
 * run is finished: Step and Play replay its events. A bad file leaves the current run as it
 * was and sets `importError`. The import is announced with its origin (the library saves a
 * file's run, and knows a run it opened is saved already). Resolves once the run shows (or
 * the error does); an import overtaken by a newer one changes nothing.
 */
export async function importRun(
  input: unknown,
  fileName?: string,
  origin: ImportOrigin = { kind: 'file' },
  options: ImportOptions = {},
): Promise<ParsedRun> {
  const mine = ++importToken;
  stopFileImport();
  const [read, tasksMissing] = await Promise.all([
    readRun(input, fileName, options),
    allTasksOrError(),
  ]);
  if (mine !== importToken) return { ok: false, error: 'A newer import replaced this one.' };
  const parsed: ImportResult = tasksMissing === null ? read : { ok: false, error: tasksMissing };
  if (!parsed.ok && parsed.records) {
    // Several questions' trees: the user chooses one (chooseImportRecord) or dismisses.
    pendingChoice = { input: input as string, fileName, origin };
    useArbor.setState({
      importError: null,
      importChoices: { fileName: fileName ?? null, records: parsed.records },
    });
    return parsed;
  }
  pendingChoice = null;
  useArbor.setState({ importChoices: null });
  return openRun(parsed, origin);
}

/** The many-record file waiting for a choice (its text is not kept in the store). */
let pendingChoice: {
  input: string | Blob;
  fileName: string | undefined;
  origin: ImportOrigin;
} | null = null;

/** Opens record `index` of the file waiting for a choice; nothing when none is waiting. */
export async function chooseImportRecord(index: number): Promise<ParsedRun | null> {
  const pending = pendingChoice;
  if (!pending) return null;
  const options = { record: index };
  return typeof pending.input === 'string'
    ? importRun(pending.input, pending.fileName, pending.origin, options)
    : importRunFile(pending.input, pending.fileName ?? '', options);
}

/** Forgets a many-record file without opening any of it. */
export function dismissImportChoices(): void {
  pendingChoice = null;
  useArbor.setState({ importChoices: null });
}

/** Aborts the import worker of the file import in flight. */
let importAbort: AbortController | null = null;

/** Ends the file import in flight, if any (a newer import replaces it). */
function stopFileImport(): void {
  importAbort?.abort();
  importAbort = null;
  if (useArbor.getState().importProgress !== null) useArbor.setState({ importProgress: null });
}

/**
 * Imports a file the user opened or dropped: read, parsed and checked in the import worker
 * (importers/readInWorker.ts), then replayed here in slices between frames, so the page
 * answers input throughout; `importProgress` says how far it is (bytes read, events
 * checked, events replayed). Otherwise as {@link importRun}: a refused file leaves the run as
 * it was and sets `importError` (the same words as a file read on the page), and an import
 * overtaken by a newer one changes nothing.
 */
export async function importRunFile(
  file: Blob,
  fileName: string,
  options: ImportOptions = {},
): Promise<ParsedRun> {
  const mine = ++importToken;
  stopFileImport();
  const abort = new AbortController();
  importAbort = abort;
  const show = (importProgress: ImportProgress) => {
    if (mine === importToken) useArbor.setState({ importProgress });
  };
  show({ stage: 'reading', done: 0, total: file.size });
  const { readInWorker } = await import('../importers/readInWorker');
  const { read, trace } = await readInWorker(
    file,
    fileName,
    show,
    abort.signal,
    options,
    CHECKPOINT_INTERVAL,
  );
  if (mine === importToken && !read.ok && read.records) {
    // Several questions' trees: the user chooses one (chooseImportRecord) or dismisses.
    importAbort = null;
    pendingChoice = { input: file, fileName, origin: { kind: 'file' } };
    useArbor.setState({
      importProgress: null,
      importError: null,
      importChoices: { fileName, records: read.records },
    });
    return read;
  }
  if (mine === importToken) {
    pendingChoice = null;
    useArbor.setState({ importChoices: null });
  }
  // The trace the page built from the events' text while the worker checked them, if any.
  const replayed =
    mine !== importToken
      ? null
      : read.ok && trace !== null && trace.interval === read.interval
        ? withTrace(read, trace)
        : await replayReadInSlices(read, (done, total) =>
            show({ stage: 'replaying', done, total }),
          );
  if (mine !== importToken || replayed === null) {
    return { ok: false, error: 'A newer import replaced this one.' };
  }
  const tasksMissing = await allTasksOrError();
  if (mine !== importToken) return { ok: false, error: 'A newer import replaced this one.' };
  importAbort = null;
  useArbor.setState({ importProgress: null });
  return openRun(tasksMissing === null ? replayed : { ok: false, error: tasksMissing });
}

/** Shows a read run (or its error), as {@link importRun} describes. */
export function openRun(parsed: ParsedRun, origin: ImportOrigin = { kind: 'file' }): ParsedRun {
  if (!parsed.ok) {
    useArbor.setState({ importError: parsed.error });
    return parsed;
  }
  cancelPlay();
  stopSource();
  const { trace, file } = parsed;
  useArbor.setState({
    ...emptyRun(),
    ...clearedView(),
    modelStats: null,
    draft: null,
    settings: file.settings,
    trace,
    importError: null,
    createdAt: file.createdAt,
    source: file.source ?? null,
    name: file.name ?? null,
    recording: file.server ?? null,
    runModel: file.model ?? null,
  });
  update({ complete: true });
  moveTo(trace.length);
  announce({ type: 'imported', origin });
  return parsed;
}

/** The current run as a run file (with its name and, for an imported tree, its source). */
export function exportRun(): RunFile {
  const { settings, trace, createdAt, source, name, recording } = get();
  // A live run that has not ended yet names the model making it.
  const model = get().runModel ?? engineFor(settings.engine).model?.() ?? null;
  return makeRunFile(settings, trace.all, createdAt, {
    ...(name !== null ? { name } : {}),
    ...(source !== null ? { source } : {}),
    ...(recording !== null ? { server: recording } : {}),
    ...(model !== null ? { model } : {}),
  });
}

/** Clears the message of a refused import. */
export function dismissImportError(): void {
  useArbor.setState({ importError: null });
}

/**
 * Continue: picks up a run that stopped on an error (an engine that threw or hung) or that the
 * user stopped. The events so far stay as they are; the search is started again over them
 * (run/resume.ts) — re-made and checked against them, a model's recorded answers taken from
 * the events rather than asked again — and the next step, play or run-to-end goes on past
 * them. If the search does not re-make the recorded events, the run stops again with an
 * error saying so, and its events stay untouched.
 * @returns whether there was a run to continue (false for a finished run, or one going on)
 */
export function continueRun(): boolean {
  const s = get();
  if (s.error === null && !s.stopped) return false;
  cancelPlay();
  stopSource();
  // With no events yet (a settings error), this is a fresh start from the current settings.
  source = s.trace.length > 0 ? new RunSource(s.settings, s.trace.all) : null;
  update({ error: null, stopped: false, complete: false, busy: false });
  moveTo(s.cursor);
  return true;
}
