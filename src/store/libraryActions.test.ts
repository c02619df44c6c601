import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MCTS } from '../core/search/settings';
import { LibraryError } from '../library/errors';
import type { RunMeta } from '../library/meta';
import { describeRun } from '../library/meta';
import type { RunFile } from '../run/runFile';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS } from '../run/settings';

// There is no IndexedDB in Node: the library is replaced by a map (its IndexedDB behaviour is
// tested in e2e/library.spec.ts). These tests check what the actions do with the store.
const saved = new Map<string, RunFile>();
let nextError: LibraryError | null = null;
let ids = 0;
vi.mock('../library/library', () => ({
  saveRun: vi.fn((file: RunFile, options: { replace?: string } = {}) => {
    if (nextError) return Promise.reject(nextError);
    const id = options.replace ?? `run-${++ids}`;
    saved.set(id, file);
    return Promise.resolve(describeRun(file, id, new Date(0)));
  }),
  listRuns: vi.fn(() => {
    if (nextError) return Promise.reject(nextError);
    return Promise.resolve([...saved].map(([id, f]) => describeRun(f, id, new Date(0))));
  }),
  loadRun: vi.fn((id: string) => {
    const file = saved.get(id);
    return file ? Promise.resolve(file) : Promise.reject(new LibraryError('failed', 'gone'));
  }),
  renameRun: vi.fn((id: string, name: string) => {
    const file = saved.get(id);
    if (!file) return Promise.reject(new LibraryError('failed', 'gone'));
    return Promise.resolve(describeRun(file, id, new Date(0), name));
  }),
  deleteRun: vi.fn((id: string) => {
    saved.delete(id);
    return Promise.resolve();
  }),
}));

const library = await import('../library/library');
const {
  closeComparison,
  exportRun,
  importRun,
  leaveCurrentRunUnsaved,
  runToEnd,
  setSettings,
  useArbor,
} = await import('./index');
const {
  compareCurrentWith,
  compareSavedRuns,
  deleteSavedRun,
  openSavedRun,
  refreshLibrary,
  renameSavedRun,
  saveCurrentRun,
} = await import('./libraryActions');

const MCTS_6: RunSettings = { ...DEFAULT_SETTINGS, search: { ...DEFAULT_MCTS, iterations: 6 } };
const get = useArbor.getState;

beforeEach(() => {
  saved.clear();
  nextError = null;
  vi.mocked(library.saveRun).mockClear();
  useArbor.setState({ libraryRuns: [], libraryError: null, libraryState: 'loading' });
  setSettings(MCTS_6);
});

/**
 * Runs the search to its end and saves it. (Once runActions saves finished runs on its own,
 * the explicit save finds it saved; either way the run is listed once.)
 */
async function finishAndSave(): Promise<RunMeta> {
  await runToEnd();
  await saveCurrentRun();
  const meta = get().libraryRuns[0];
  if (!meta) throw new Error('the run was not saved');
  return meta;
}

describe('saveCurrentRun', () => {
  it('saves nothing for a run with no events', async () => {
    expect(await saveCurrentRun()).toBeNull();
    expect(library.saveRun).not.toHaveBeenCalled();
  });

  it('saves the run once and lists it; saving it again as it is writes nothing', async () => {
    const meta = await finishAndSave();
    expect(meta.eventCount).toBe(get().eventCount);
    expect(get().libraryRuns).toHaveLength(1);
    expect(await saveCurrentRun()).toBeNull();
    expect(library.saveRun).toHaveBeenCalledTimes(1);
  });

  it('saves calls made at once in turn: the later ones see the entry and write nothing', async () => {
    await runToEnd();
    await Promise.all([saveCurrentRun(), saveCurrentRun(), saveCurrentRun()]);
    expect(library.saveRun).toHaveBeenCalledTimes(1);
    expect(get().libraryRuns).toHaveLength(1);
  });

  it('leaves the startup run out of automatic saves, but saves it when asked', async () => {
    leaveCurrentRunUnsaved();
    await runToEnd();
    expect(await saveCurrentRun()).toBeNull();
    expect(library.saveRun).not.toHaveBeenCalled();
    expect(await saveCurrentRun({ manual: true })).not.toBeNull();
    // The next run is saved as usual.
    setSettings({ ...MCTS_6, seed: 2 });
    await finishAndSave();
    expect(get().libraryRuns).toHaveLength(2);
  });

  it('keeps the runs listed before when a save fails, and says why', async () => {
    await finishAndSave();
    setSettings({ ...MCTS_6, seed: 3 });
    nextError = new LibraryError('quota', 'storage full');
    await runToEnd();
    expect(await saveCurrentRun()).toBeNull();
    expect(get().libraryError).toEqual({ kind: 'quota', message: 'storage full' });
    expect(get().libraryRuns).toHaveLength(1);
  });
});

describe('an imported file', () => {
  it('is saved after the page draws a frame: the run imported, even if another replaced it by then', async () => {
    await runToEnd();
    const first = JSON.stringify(exportRun());
    setSettings({ ...MCTS_6, seed: 4 });
    await runToEnd();
    const second = JSON.stringify(exportRun());
    await saveCurrentRun();
    vi.mocked(library.saveRun).mockClear();
    // Frames held back: nothing is written until one is drawn.
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.useFakeTimers();
    try {
      expect((await importRun(first, 'first.json')).ok).toBe(true);
      expect((await importRun(second, 'second.json')).ok).toBe(true);
      await Promise.resolve();
      expect(library.saveRun).not.toHaveBeenCalled();
      for (const f of frames.splice(0)) f(0);
      await vi.runAllTimersAsync();
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
    await saveCurrentRun(); // waits for the queued saves
    const written = vi.mocked(library.saveRun).mock.calls.map(([file]) => file.events.length);
    expect(written).toHaveLength(2);
    expect(written[0]).toBe(JSON.parse(first).events.length);
  });
});

describe('open, rename, delete, refresh', () => {
  it('opens a saved run in place of the current one, and does not save it again', async () => {
    const meta = await finishAndSave();
    const events = get().eventCount;
    setSettings({ ...MCTS_6, seed: 9 });
    expect(get().eventCount).toBe(0);
    expect(await openSavedRun(meta.id)).toBe(true);
    expect(get().eventCount).toBe(events);
    expect(get().settings.seed).toBe(MCTS_6.seed);
    expect(await saveCurrentRun()).toBeNull();
    expect(library.saveRun).toHaveBeenCalledTimes(1);
  });

  it('reports a run that is gone and reloads the list', async () => {
    expect(await openSavedRun('nope')).toBe(false);
    expect(get().libraryError).toEqual({ kind: 'failed', message: 'gone' });
    expect(get().libraryState).toBe('ready');
  });

  it('renames and deletes in the list', async () => {
    const { id } = await finishAndSave();
    await renameSavedRun(id, 'mine');
    expect(get().libraryRuns[0]?.name).toBe('mine');
    expect(get().name).toBe('mine');
    await deleteSavedRun(id);
    expect(get().libraryRuns).toEqual([]);
  });

  it('lists what is saved; a library that cannot open is said so, with an empty list', async () => {
    saved.set('a', { ...exampleFile(), createdAt: new Date(0).toISOString() });
    await refreshLibrary();
    expect(get().libraryRuns.map((r: RunMeta) => r.id)).toEqual(['a']);
    nextError = new LibraryError('unavailable', 'no storage here');
    await refreshLibrary();
    expect(get().libraryState).toBe('ready');
    expect(get().libraryError?.kind).toBe('unavailable');
  });
});

function exampleFile(): RunFile {
  return { format: 'arbor-run', version: 2, settings: MCTS_6, events: [], createdAt: '' };
}

describe('comparing saved runs', () => {
  it('compares two saved runs by name, each with its own events and task', async () => {
    const first = await finishAndSave();
    const firstEvents = get().trace.all;
    setSettings({ ...MCTS_6, seed: 4 });
    const second = await finishAndSave();
    expect(await compareSavedRuns(first.id, second.id)).toBe(true);
    const c = get().comparison;
    // A default name says the task and problem; the budget is added (6 iterations).
    expect(c?.left.title).toBe(`${first.name} · 6 iterations`);
    expect(c?.right.title).toBe(`${second.name} · 6 iterations`);
    expect(c?.left.events).toHaveLength(first.eventCount);
    expect(JSON.stringify(c?.left.events)).toBe(JSON.stringify(firstEvents));
    expect(c?.right.events).toHaveLength(second.eventCount);
    expect(c?.left.task).toBe(MCTS_6.task);
    closeComparison();
    expect(get().comparison).toBeNull();
  });

  it('compares the visualizer’s run, as far as it got, with a saved one', async () => {
    const meta = await finishAndSave();
    setSettings({ ...MCTS_6, seed: 5 });
    expect(get().eventCount).toBe(0);
    expect(await compareCurrentWith(meta.id)).toBe(true);
    const c = get().comparison;
    expect(c?.left).toMatchObject({ title: 'This run (in the visualizer)', events: [] });
    expect(c?.right.events).toHaveLength(meta.eventCount);
    closeComparison();
  });

  it('opens nothing when a saved run is gone, and says why', async () => {
    const meta = await finishAndSave();
    expect(await compareSavedRuns(meta.id, 'gone-id')).toBe(false);
    expect(get().comparison).toBeNull();
    expect(get().compareError).toBe('gone');
  });
});
