import { afterEach, describe, expect, it } from 'vitest';
import type { MctsSettings } from '../core/search/settings';
import type { TraceEvent } from '../core/tree/events';
import type { TinyModel } from '../engines/tiny/engine';
import { tinySession } from '../engines/tiny/session';
import { DEFAULT_TINY_ENGINE } from '../engines/tiny/settings';
import { loadNodeTinyModel } from '../engines/tiny/testing/nodeModel';
import { decided } from '../run/resume';
import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS } from '../run/settings';
import { continueRun, exportRun, runToEnd, setSettings } from './runActions';
import { useArbor } from './store';

/**
 * Continue after a fault with the tiny model (issue 6 for issue 12's engine): its forward pass
 * fails mid-run (a worker that died), the run stops with the events so far, and Continue
 * re-makes them from the recording (checked one by one) and finishes on the model: to the
 * same decisions and step texts as a run that never failed (costs aside, as for any model's
 * Continue; numbers to 4 decimals).
 */

const get = useArbor.getState;

const RUN: RunSettings = {
  ...DEFAULT_SETTINGS,
  problemId: 'g24-001',
  search: {
    algorithm: 'mcts',
    rule: 'puct',
    c: 1.4,
    iterations: 8,
    maxDepth: 4,
    childrenPerExpansion: 3,
    valueMode: 'prm',
  } satisfies MctsSettings,
  engine: DEFAULT_TINY_ENGINE,
  seed: 6,
};

/** The model, its forward pass failing from call `k` on (1-based) until `heal()`. */
function failingFrom(
  model: TinyModel,
  k: number,
): { model: TinyModel; heal: () => void; calls: () => number } {
  let calls = 0;
  let healed = false;
  return {
    model: {
      ...model,
      forward: (ids, past) => {
        calls += 1;
        if (!healed && calls >= k) {
          return Promise.reject(new Error("the tiny model's worker stopped: out of memory"));
        }
        return model.forward(ids, past);
      },
    },
    heal: () => {
      healed = true;
    },
    calls: () => calls,
  };
}

afterEach(() => tinySession.set(null));

/**
 * An event's decisions (costs aside, `decided`) with numbers to 4 decimals: the continued run's
 * fresh KV cache reads the recorded prefix in one pass where the clean run fed it token by
 * token, and its logits differ by ~1e-6 (kvTree.test.ts: within 1e-4).
 */
const rounded = (event: TraceEvent): string =>
  JSON.stringify(JSON.parse(decided(event)), (_key, value: unknown) =>
    typeof value === 'number' ? Number(value.toFixed(4)) : value,
  );

describe('Continue with the tiny model', () => {
  it('finishes a run its model failed in the middle of, to the same events as a clean run', async () => {
    const model = await loadNodeTinyModel();
    const counted = failingFrom(model, Infinity);
    tinySession.set(counted.model);
    setSettings(RUN);
    await runToEnd();
    const clean = exportRun().events as TraceEvent[];
    expect(clean.at(-1)?.type).toBe('done');

    const faulty = failingFrom(model, counted.calls() - 5);
    tinySession.set(faulty.model);
    setSettings(RUN);
    await runToEnd();
    expect(get().error).toMatch(/worker stopped: out of memory — after event \d+/);
    const kept = get().trace.length;
    expect(kept).toBeGreaterThan(2);
    expect(kept).toBeLessThan(clean.length);

    faulty.heal();
    expect(continueRun()).toBe(true);
    await runToEnd();
    expect(get().error).toBeNull();
    const continued = exportRun().events as TraceEvent[];
    expect(continued.map(rounded)).toEqual(clean.map(rounded));
  });
});
