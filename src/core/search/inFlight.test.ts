import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepJudge, StepProposer } from '../engine';
import { createRng } from '../rng';
import { arbitrarySearchSettings } from '../testing/arbitraries';
import type { ScriptedState } from '../testing/scripted';
import { createSyntheticDomain } from '../testing/scripted';
import type { Problem } from '../tasks/task';
import type { TraceEvent } from '../tree/events';
import { allInFlight, inFlight } from './inFlight';
import { collectEvents, runSearch, streamEvents } from './index';
import type { Pending, SearchStep } from './program';
import type { SearchSettings } from './settings';

type Later = <T>(value: T) => PromiseLike<T>;

/**
 * The synthetic domain with every answer given through `later` (a promise whose resolution
 * order the test controls). The answer itself is computed when the call is made, as a server's
 * seeded answer depends only on the request.
 */
function asyncDomain(later: Later, branching: number, depth: number) {
  const { task, proposer, judge } = createSyntheticDomain(branching, depth);
  const asyncProposer: StepProposer<ScriptedState, Problem> = {
    label: proposer.label,
    simulated: false,
    propose: (ctx, n) => later(proposer.propose(ctx, n) as never),
    rollout: (ctx, k) => later(proposer.rollout(ctx, k) as never),
  };
  const asyncJudge: StepJudge<ScriptedState, Problem> = {
    kind: judge.kind,
    label: judge.label,
    score: (ctx) => later(judge.score(ctx) as never),
  };
  return { task, proposer: asyncProposer, judge: asyncJudge };
}

function serialEvents(settings: SearchSettings, seed: number, b: number, d: number): TraceEvent[] {
  const domain = createSyntheticDomain(b, d);
  return collectEvents(
    runSearch({ ...domain, problem: { id: 'p' }, rng: createRng(seed) }, settings),
  );
}

async function drain(stream: AsyncGenerator<TraceEvent, void, undefined>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const e of stream) events.push(e);
  return events;
}

describe('inFlight', () => {
  it('emits in canonical order while answers arrive in reverse, with every run in flight', async () => {
    const resolvers: (() => void)[] = [];
    let inFlightNow = 0;
    let most = 0;
    const log: string[] = [];
    const program = inFlight(
      ['a', 'b', 'c'],
      {
        path: () => [],
        *run(x) {
          inFlightNow += 1;
          most = Math.max(most, inFlightNow);
          const value = (yield {
            pending: new Promise<string>((resolve) =>
              resolvers.push(() => resolve(x.toUpperCase())),
            ),
          }) as string;
          inFlightNow -= 1;
          log.push(`answer ${x}`);
          return value;
        },
        *emit(x, value) {
          log.push(`emit ${x}`);
          yield { type: 'backtrack', iteration: 0, at: value.charCodeAt(0), abandoned: 0 };
        },
      },
      3,
    );
    const events = drain(streamEvents(program as Generator<SearchStep, void, unknown>));
    await Promise.resolve();
    expect(resolvers).toHaveLength(3); // all three asked before any answer
    for (const r of [...resolvers].reverse()) {
      r();
      await new Promise((done) => setTimeout(done, 0));
    }
    const got = await events;
    expect(most).toBe(3);
    expect(got.map((e) => (e.type === 'backtrack' ? e.at : -1))).toEqual([65, 66, 67]);
    expect(log).toEqual(['answer c', 'answer b', 'answer a', 'emit a', 'emit b', 'emit c']);
  });

  it('never has more than `limit` runs in flight, and starts them in canonical order', async () => {
    let now = 0;
    let most = 0;
    const started: number[] = [];
    const calls = [0, 1, 2, 3, 4, 5, 6].map(
      (i) =>
        function* (): Generator<Pending, number, unknown> {
          started.push(i);
          now += 1;
          most = Math.max(most, now);
          yield { pending: new Promise((r) => setTimeout(r, (7 - i) * 2)) };
          now -= 1;
          return i * 10;
        },
    );
    let result: number[] = [];
    const program = (function* () {
      result = yield* allInFlight(calls, 3);
    })();
    await drain(streamEvents(program as Generator<SearchStep, void, unknown>));
    expect(result).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('throws the earliest failing item at its turn, after the items before it are emitted', async () => {
    const emitted: string[] = [];
    const program = inFlight(
      ['a', 'b', 'c'],
      {
        path: () => [],
        *run(x) {
          // c fails first, b fails later, a succeeds last.
          const ms = x === 'a' ? 20 : x === 'b' ? 10 : 1;
          yield { pending: new Promise((r) => setTimeout(r, ms)) };
          if (x !== 'a') throw new Error(`${x} failed`);
          return x;
        },
        // eslint-disable-next-line require-yield
        *emit(x) {
          emitted.push(x);
        },
      },
      3,
    );
    await expect(
      drain(streamEvents(program as Generator<SearchStep, void, unknown>)),
    ).rejects.toThrow('b failed');
    expect(emitted).toEqual(['a']);
  });

  it('with answers at once is the plain loop (no promise made)', () => {
    const log: string[] = [];
    const program = inFlight(
      [1, 2, 3],
      {
        path: () => [],
        // eslint-disable-next-line require-yield
        *run(x) {
          log.push(`run ${x}`);
          return x;
        },
        *emit(x) {
          log.push(`emit ${x}`);
          yield { type: 'backtrack', iteration: x, at: 0, abandoned: 0 };
        },
      },
      8,
    );
    expect(collectEvents(program as Generator<SearchStep, void, unknown>)).toHaveLength(3);
    expect(log).toEqual(['run 1', 'run 2', 'run 3', 'emit 1', 'emit 2', 'emit 3']);
  });
});

describe('searches with order-free calls in flight', () => {
  const arbitrarySettings = arbitrarySearchSettings({ iterations: 12, n: 8 });
  const shape = {
    seed: fc.integer(),
    branching: fc.integer({ min: 1, max: 4 }),
    depth: fc.integer({ min: 1, max: 4 }),
    concurrency: fc.integer({ min: 1, max: 8 }),
  };

  it('the simulated (synchronous) engine gives the same events at any concurrency', () => {
    fc.assert(
      fc.property(
        arbitrarySettings,
        fc.record(shape),
        (settings, { seed, branching, depth, concurrency }) => {
          const domain = createSyntheticDomain(branching, depth);
          const ctx = { ...domain, problem: { id: 'p' }, rng: createRng(seed), concurrency };
          expect(collectEvents(runSearch(ctx, settings))).toEqual(
            serialEvents(settings, seed, branching, depth),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any order of answers gives the events of the serial run (property, fast-check scheduler)', async () => {
    let mostOutstanding = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        arbitrarySettings,
        fc.record(shape),
        async (s, settings, { seed, branching, depth, concurrency }) => {
          let outstanding = 0;
          const later: Later = <T>(value: T) => {
            outstanding += 1;
            mostOutstanding = Math.max(mostOutstanding, outstanding);
            return s.schedule(Promise.resolve(value)).then((v) => {
              outstanding -= 1;
              return v;
            });
          };
          const domain = asyncDomain(later, branching, depth);
          const ctx = { ...domain, problem: { id: 'p' }, rng: createRng(seed), concurrency };
          const events = drain(streamEvents(runSearch(ctx, settings)));
          await s.waitFor(events);
          expect(await events).toEqual(serialEvents(settings, seed, branching, depth));
        },
      ),
      { numRuns: 120 },
    );
    // The property is about something: answers really were outstanding together.
    expect(mostOutstanding).toBeGreaterThan(4);
  });
});
