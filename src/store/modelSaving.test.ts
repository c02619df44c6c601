import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../core/search';
import type { Game24Problem } from '../core/tasks/game24';
import { game24Task, getPuzzle } from '../core/tasks/game24';
import { CheckpointedTrace } from '../core/tree/checkpoints';
import { game24Entry } from '../core/tasks/game24/entry';
import { createSimulatedPrm, createSimulatedProposer } from '../engines/simulated';
import {
  asSelfJudge,
  recordThroughAccountant,
  webLlmSettings,
} from '../engines/replay/testing/recorded';
import { GAME24_PROMPTS } from '../engines/webllm/conversation';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS } from '../run/settings';
import { emptyModelStats } from './modelSlice';
import { updateOrderingSaving } from './modelSaving';
import { emptyRun } from './runSlice';
import { useArbor } from './store';

const search = DEFAULT_SEARCH.mcts;
const record = (order: 'naive' | 'cache-aware') =>
  recordThroughAccountant({
    task: game24Task,
    problem: getPuzzle('g24-001') as Game24Problem,
    prompts: GAME24_PROMPTS,
    proposer: createSimulatedProposer(game24Entry, { skill: 0.7, slipRate: 0.05 }),
    judge: asSelfJudge(createSimulatedPrm(game24Entry.task, game24Entry.simulated, 0.2)),
    judgeRequests: 'judge-turn',
    search,
    seed: 1,
    order,
  });
const live = record('cache-aware');
const naive = record('naive');
const saved = naive.usage.prefilled - live.usage.prefilled;

/** The store holding a run with these settings and events. */
function holdRun(settings: RunSettings, events = live.events, complete = true, stopped = false) {
  useArbor.setState({
    ...emptyRun(),
    settings,
    trace: CheckpointedTrace.from(events),
    eventCount: events.length,
    complete,
    stopped,
    modelStats: { ...emptyModelStats(), generated: 10, prefilled: 20, requests: 3 },
  });
}

const prefillSaved = () => useArbor.getState().modelStats?.prefillSaved;

describe('updateOrderingSaving', () => {
  beforeEach(() => {
    useArbor.setState({ ...emptyRun(), settings: DEFAULT_SETTINGS, modelStats: null });
  });

  it('a finished cache-aware model run: the saving goes to the readout', async () => {
    expect(saved).toBeGreaterThan(0);
    holdRun(webLlmSettings(search, { judge: 'self', cacheAware: true }));
    expect(await updateOrderingSaving()).toEqual({
      naive: naive.usage.prefilled,
      cacheAware: live.usage.prefilled,
      saved,
      answers: 'recorded',
    });
    expect(prefillSaved()).toBe(saved);
    // The live counts are left as the adapter reported them.
    expect(useArbor.getState().modelStats).toMatchObject({ generated: 10, prefilled: 20 });
  });

  it('a stopped run counts what it recorded', async () => {
    const cut = live.events.findIndex((e) => e.type === 'backprop') + 1;
    holdRun(webLlmSettings(search, { judge: 'self' }), live.events.slice(0, cut), true, true);
    const r = await updateOrderingSaving();
    expect(r).not.toBeNull();
    expect(r).not.toHaveProperty('unavailable');
    expect(prefillSaved()).toBe(r && 'saved' in r ? r.saved : NaN);
  });

  it('shows none with the ordering off, or before the run is complete', async () => {
    holdRun(webLlmSettings(search, { judge: 'self', cacheAware: false }));
    useArbor.setState({ modelStats: { ...emptyModelStats(), prefillSaved: 5 } });
    expect(await updateOrderingSaving()).toBeNull();
    expect(prefillSaved()).toBeNull();

    holdRun(webLlmSettings(search, { judge: 'self' }), live.events, false);
    expect(await updateOrderingSaving()).toBeNull();
    expect(prefillSaved()).toBeNull();
  });

  it('shows none when the replay cannot vouch for a number', async () => {
    holdRun(webLlmSettings(search, { judge: 'rule' }));
    expect(await updateOrderingSaving()).toMatchObject({ unavailable: expect.any(String) });
    expect(prefillSaved()).toBeNull();
  });

  it('a simulated run gets no model stats (the model readout stays hidden)', async () => {
    useArbor.setState({ settings: DEFAULT_SETTINGS, complete: true, modelStats: null });
    expect(await updateOrderingSaving()).toBeNull();
    expect(useArbor.getState().modelStats).toBeNull();
  });
});
