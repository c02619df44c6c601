/**
 * The tiny engine as the app meets it: chosen from the registry before its model has loaded,
 * a run starts at once and loads the model at its first call (here onnxruntime-node stands
 * in for the browser's worker); the link carries its settings; the run file records the
 * model's name and hash, and refuses a malformed hash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { streamEvents } from '../../core/search';
import { DEFAULT_MCTS } from '../../core/search/settings';
import type { TraceEvent } from '../../core/tree/events';
import { parseRunFile } from '../../run/parseRunFile';
import { makeRunFile } from '../../run/runFile';
import type { RunSettings } from '../../run/settings';
import { DEFAULT_SETTINGS } from '../../run/settings';
import { searchProgram } from '../../run/startSearch';
import { parseSettings, serializeSettings } from '../../run/urlState';
import { engineFor } from '../registry';
import { tinySession } from './session';
import type { TinyLoadState } from './session';
import { DEFAULT_TINY_ENGINE } from './settings';
import { loadNodeTinyModel, readTinyFiles } from './testing/nodeModel';

const settings: RunSettings = {
  ...DEFAULT_SETTINGS,
  search: { ...DEFAULT_MCTS, iterations: 3 },
  engine: { ...DEFAULT_TINY_ENGINE, temperature: 0.7 },
  seed: 3,
};

afterEach(() => {
  tinySession.set(null);
  tinySession.useLoader(null);
});

describe('the tiny engine in the registry', () => {
  it('starts a run before the model has loaded, and loads it at the first call', async () => {
    const states: TinyLoadState['phase'][] = [];
    const unsubscribe = tinySession.subscribe((s) => states.push(s.phase));
    let loads = 0;
    tinySession.useLoader(async (progress) => {
      loads += 1;
      progress(10, 20);
      return { model: await loadNodeTinyModel(), backend: 'onnxruntime-node' };
    });
    const program = searchProgram(settings); // nothing loaded yet: no throw
    expect(tinySession.current()).toBeNull();
    const events: TraceEvent[] = [];
    for await (const e of streamEvents(program)) events.push(e);
    unsubscribe();
    expect(loads).toBe(1);
    expect(states).toEqual(['loading', 'loading', 'ready']);
    const expand = events.find((e) => e.type === 'expand');
    if (expand?.type !== 'expand') throw new Error('no expand event');
    // The model's own step text, as Game of 24 prints a step.
    expect(expand.children[0]?.text).toMatch(/^\d+ [-+*/] \d+ = -?\d+(\/\d+)? \(left: [\d /-]+\)$/);
    const score = events.find((e) => e.type === 'score');
    expect(score?.type === 'score' && score.evidence).toEqual({
      judge: 'sprm',
      model: 'arbor-tiny24',
    });
    expect(engineFor(settings.engine).model?.()).toEqual({
      name: 'arbor-tiny24',
      sha256: readTinyFiles().manifest.sha256,
    });
  });

  it('says why a failed load failed, and may be tried again', async () => {
    tinySession.useLoader(() => Promise.reject(new Error('HTTP 404')));
    await expect(tinySession.load()).rejects.toThrow('The tiny model did not load: HTTP 404');
    expect(tinySession.status()).toEqual({
      phase: 'error',
      message: 'The tiny model did not load: HTTP 404',
    });
    tinySession.useLoader(async () => ({ model: await loadNodeTinyModel(), backend: 'node' }));
    await tinySession.load();
    expect(tinySession.status()).toMatchObject({ phase: 'ready', backend: 'node' });
  });

  it('is carried by a link: engine, temperature and judge', () => {
    const query = serializeSettings({ ...settings, engine: { ...settings.engine, judge: 'rule' } });
    expect(query).toContain('engine=tiny');
    expect(query).toContain('temp=0.7');
    expect(parseSettings(query).engine).toEqual({ ...settings.engine, judge: 'rule' });
    // A judge the tiny model does not offer keeps the default.
    expect(parseSettings(`${query}&judge=simulated-prm`).engine.judge).toBe('rule');
  });
});

describe('the run file of a tiny-model run', () => {
  const model = { name: 'arbor-tiny24', sha256: 'a'.repeat(64) };

  it('records the model by name and hash', () => {
    const file = makeRunFile(settings, [], '2026-12-07T12:00:00.000Z', { model });
    const parsed = parseRunFile(JSON.parse(JSON.stringify(file)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.model).toEqual(model);
    expect(parsed.file.settings.engine).toEqual(settings.engine);
  });

  it('refuses a hash that is not 64 hex digits, naming the field', () => {
    const file = makeRunFile(settings, [], '2026-12-07T12:00:00.000Z', {
      model: { ...model, sha256: 'not-a-hash' },
    });
    const parsed = parseRunFile(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/model\.sha256/);
  });
});
