import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/tree/events';
import { beamVerdict } from './beamVerdict';

const prune: TraceEvent = {
  type: 'prune',
  depth: 2,
  kept: [
    { id: 4, score: 0.6 },
    { id: 5, score: 0.81 },
  ],
  dropped: [
    { id: 6, score: 0.42 },
    { id: 7, score: 0.6 },
  ],
};
const events: TraceEvent[] = [{ type: 'start', algorithm: 'beam', rootText: 'r' }, prune];

describe('beamVerdict', () => {
  it('says why a node was dropped: its score against the kept ones', () => {
    const v = beamVerdict(events, 2, 6);
    expect(v).toMatchObject({
      kept: false,
      score: 0.42,
      keptScores: [0.81, 0.6],
      droppedScores: [0.6, 0.42],
      cutoff: 0.6,
      depth: 2,
      eventIndex: 1,
    });
    expect(v?.why).toBe('dropped: its score 0.42 is below the lowest kept score 0.60 (beam of 2)');
  });

  it('names a tie at the cut-off, and ranks a kept node', () => {
    expect(beamVerdict(events, 2, 7)?.why).toBe(
      'dropped: tied with the lowest kept score 0.60, and the beam of 2 was full',
    );
    expect(beamVerdict(events, 2, 5)?.why).toBe('kept: ranked 1 of 4, inside the beam of 2');
  });

  it('is null before the prune, and for a node no prune ranked', () => {
    expect(beamVerdict(events, 1, 6)).toBeNull();
    expect(beamVerdict(events, 2, 99)).toBeNull();
    expect(beamVerdict([], 5, 6)).toBeNull();
  });
});
