import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './events';
import { isPhaseEnd, nextPhaseEnd, phaseGroups, phaseSoFar, previousPhaseEnd } from './phaseGroups';

/** Minimal events of each type: the grouping reads only `type`, `iteration` and `algorithm`. */
const TYPES = [
  'select',
  'expand',
  'score',
  'terminal',
  'simulate',
  'backprop',
  'backtrack',
  'prune',
  'done',
] as const;

function event(type: (typeof TYPES)[number], iteration: number): TraceEvent {
  return { type, iteration, depth: iteration } as unknown as TraceEvent;
}

const arbitraryTrace = fc
  .tuple(
    fc.constantFrom('mcts', 'beam', 'best-of-n', null),
    fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.integer({ min: 1, max: 4 })), {
      maxLength: 60,
    }),
  )
  .map(([algorithm, rest]) => {
    const events = rest.map(([type, it]) => event(type, it));
    return algorithm === null
      ? events
      : [{ type: 'start', algorithm, rootText: 'x' } as TraceEvent, ...events];
  });

/** start, select, (backtrack): an MCTS run cut off where a backtrack may still follow. */
const LIVE: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: 'x' },
  event('select', 1),
];

describe('phaseGroups', () => {
  it('partitions any trace into non-empty phases, in order', () => {
    fc.assert(
      fc.property(arbitraryTrace, (events) => {
        const groups = phaseGroups(events);
        let at = 0;
        for (const g of groups) {
          expect(g.start).toBe(at);
          expect(g.end).toBeGreaterThan(g.start);
          at = g.end;
        }
        expect(at).toBe(events.length);
      }),
    );
  });

  it('agrees with isPhaseEnd, phaseSoFar and the next/previous moves at every cursor', () => {
    fc.assert(
      fc.property(arbitraryTrace, (events) => {
        const groups = phaseGroups(events);
        const ends = new Set(groups.map((g) => g.end));
        for (let c = 0; c <= events.length; c++) {
          expect(isPhaseEnd(events, c, true)).toBe(c > 0 && ends.has(c));
          const here = phaseSoFar(events, c);
          if (c === 0) expect(here).toBeNull();
          else {
            const g = groups.find((x) => x.start < c && c <= x.end);
            expect(here).toEqual({ kind: g?.kind, start: g?.start, end: c });
          }
          const next = [...ends].filter((e) => e > c).sort((a, b) => a - b)[0] ?? null;
          expect(nextPhaseEnd(events, c, true)).toBe(next);
          const prev = [...ends].filter((e) => e < c).sort((a, b) => b - a)[0] ?? 0;
          expect(previousPhaseEnd(events, c)).toBe(prev);
        }
      }),
    );
  });

  it('does not claim the end of a phase it cannot see yet in a live run', () => {
    const events = LIVE;
    expect(isPhaseEnd(events, 2, false)).toBe(false);
    expect(nextPhaseEnd(events, 1, false)).toBeNull();
    expect(isPhaseEnd(events, 2, true)).toBe(true);
  });
});
