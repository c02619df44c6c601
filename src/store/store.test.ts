import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BEAM, DEFAULT_MCTS } from '../core/search/settings';
import type { TraceEvent } from '../core/tree/events';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS } from '../run/settings';
import { streamEvents } from '../core/search';
import { searchProgram } from '../run/startSearch';
import {
  answerSoFar,
  exportRun,
  importRun,
  pause,
  play,
  reset,
  rootN,
  runToEnd,
  seek,
  setSettings,
  setSpeed,
  step,
  useArbor,
} from './index';
import { waitFor } from './testing/waitFor';

const MCTS_12: RunSettings = { ...DEFAULT_SETTINGS, search: { ...DEFAULT_MCTS, iterations: 12 } };
const get = useArbor.getState;

async function allEvents(settings: RunSettings): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const e of streamEvents(searchProgram(settings))) events.push(e);
  return events;
}

beforeEach(() => {
  setSettings(MCTS_12);
  setSpeed(10);
});

describe('run store', () => {
  it('starts idle with an empty tree', () => {
    expect(get().status).toBe('idle');
    expect(get().cursor).toBe(0);
    expect(get().tree.nodes).toEqual([]);
  });

  it('steps one event at a time, pulling the same events as searchProgram', async () => {
    const reference = await allEvents(MCTS_12);
    for (let k = 1; k <= 6; k++) {
      expect(await step()).toBe(true);
      expect(get().cursor).toBe(k);
      expect(get().eventCount).toBe(k);
    }
    expect(get().trace.all).toEqual(reference.slice(0, 6));
    expect(get().status).toBe('paused');
    expect(get().tree.nodes[0]?.text).toMatch(/24/);
  });

  it('pulls one event per step even when steps overlap', async () => {
    const reference = await allEvents(MCTS_12);
    await Promise.all([step(), step(), step(), step(), step()]);
    expect(get().cursor).toBe(5);
    expect(get().trace.all).toEqual(reference.slice(0, 5));
  });

  it('replays recorded events after a seek back, without pulling', async () => {
    for (let k = 0; k < 5; k++) await step();
    const tree5 = get().tree;
    seek(2);
    expect(get().cursor).toBe(2);
    expect(get().tree.eventCount).toBe(2);
    await step();
    await step();
    await step();
    expect(get().eventCount).toBe(5);
    expect(get().tree).toEqual(tree5);
    seek(99);
    expect(get().cursor).toBe(5);
    seek(-3);
    expect(get().cursor).toBe(0);
  });

  it('runs to the end: the done event applied and root N equal to the iterations', async () => {
    const reference = await allEvents(MCTS_12);
    await runToEnd();
    const s = get();
    expect(s.status).toBe('done');
    expect(s.complete).toBe(true);
    expect(s.cursor).toBe(reference.length);
    expect(s.trace.all).toEqual(reference);
    expect(s.tree.done).toEqual(reference.at(-1));
    expect(rootN(s.tree)).toBe(12);
    expect(await step()).toBe(false);
    expect(answerSoFar(s.tree)?.final).toBe(true);
  });

  it('resets to an empty run that then repeats itself', async () => {
    await step();
    await step();
    const first = get().trace.all.slice();
    reset();
    expect(get().status).toBe('idle');
    expect(get().eventCount).toBe(0);
    expect(get().tree.nodes).toEqual([]);
    await step();
    await step();
    expect(get().trace.all).toEqual(first);
  });

  it('drops a pull that was in flight when the run was reset', async () => {
    const pending = step();
    reset();
    await pending;
    expect(get().eventCount).toBe(0);
    expect(get().cursor).toBe(0);
  });

  it('resets when the settings change', async () => {
    await runToEnd();
    setSettings({ ...MCTS_12, search: DEFAULT_BEAM });
    expect(get().eventCount).toBe(0);
    await step();
    expect(get().tree.algorithm).toBe('beam');
  });

  it('plays to the end and pauses on request', async () => {
    setSpeed(500);
    play();
    expect(get().status).toBe('running');
    await waitFor(() => get().cursor >= 8);
    pause();
    const at = get().cursor;
    expect(get().status).toBe('paused');
    await new Promise((r) => setTimeout(r, 60));
    expect(get().cursor).toBe(at);
    play();
    await waitFor(() => get().status === 'done');
    expect(get().playing).toBe(false);
    expect(rootN(get().tree)).toBe(12);
  });

  it('never shows a finished run as still playing', async () => {
    const seen: boolean[] = [];
    const stop = useArbor.subscribe((s) => {
      if (s.status === 'done') seen.push(s.playing);
    });
    setSpeed(1000);
    play();
    await waitFor(() => get().status === 'done');
    stop();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((playing) => !playing)).toBe(true);
  });

  it('replays a finished run from the start when played again', async () => {
    await runToEnd();
    setSpeed(1);
    play();
    expect(get().cursor).toBe(0);
    pause();
  });

  it('exports and imports a run, and refuses a bad file without touching the run', async () => {
    await runToEnd();
    const file = exportRun();
    const count = get().eventCount;
    setSettings(DEFAULT_SETTINGS);
    await step();
    expect((await importRun(JSON.stringify(file))).ok).toBe(true);
    expect(get().settings).toEqual(MCTS_12);
    expect(get().status).toBe('done');
    expect(get().eventCount).toBe(count);
    expect(rootN(get().tree)).toBe(12);

    const before = { cursor: get().cursor, trace: get().trace, tree: get().tree };
    const bad = await importRun({ ...file, events: [{ type: 'expand', node: 7 }] });
    expect(bad.ok).toBe(false);
    expect(get().importError).toMatch(/events/);
    expect(get().trace).toBe(before.trace);
    expect(get().cursor).toBe(before.cursor);
    expect(get().tree).toBe(before.tree);
    expect((await importRun('{not json')).ok).toBe(false);
  });

  it('steps through a finished import without a search', async () => {
    await runToEnd();
    const file = exportRun();
    await importRun(file);
    seek(0);
    await step();
    expect(get().cursor).toBe(1);
    expect(get().eventCount).toBe(file.events.length);
  });

  it('reports a failing search as an error', async () => {
    setSettings({ ...MCTS_12, problemId: 'no-such-puzzle' });
    expect(await step()).toBe(false);
    expect(get().status).toBe('error');
    expect(get().error).toMatch(/no-such-puzzle/);
    reset();
    expect(get().status).toBe('idle');
  });
});
