import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LAG_MS, eventsDue, startPace } from './pace';

describe('eventsDue', () => {
  it('owes the first event at once, then one every 1000 / speed ms (worked by hand)', () => {
    // 500 events/s: one every 2 ms. Frames at 0, 16.7 and 33.4 ms owe events at
    // t = 0; t = 2 … 16 (8); t = 18 … 32 (8).
    let pace = startPace(0, 500);
    const dues: number[] = [];
    for (const now of [0, 16.7, 33.4]) {
      const r = eventsDue(pace, now, 500);
      dues.push(r.due);
      pace = r.pace;
    }
    expect(dues).toEqual([1, 8, 8]);
  });

  it('at 1 event/s, most frames owe nothing', () => {
    let pace = eventsDue(startPace(0, 1), 0, 1).pace;
    expect(eventsDue(pace, 16, 1).due).toBe(0);
    expect(eventsDue(pace, 999, 1).due).toBe(0);
    pace = eventsDue(pace, 1000, 1).pace;
    expect(pace.applied).toBe(2);
  });

  it('catches up on at most 100 ms after a stall, then keeps its speed', () => {
    let pace = eventsDue(startPace(0, 500), 0, 500).pace;
    const late = eventsDue(pace, 2_000, 500); // a 2 s stall owes 1,000 events
    expect(late.due).toBe(MAX_LAG_MS / 2); // 50
    pace = late.pace;
    expect(eventsDue(pace, 2_000 + 16, 500).due).toBe(8);
  });

  it('changes speed without a burst', () => {
    let pace = startPace(0, 10);
    pace = eventsDue(pace, 0, 10).pace; // event at 0
    pace = eventsDue(pace, 100, 10).pace; // event at 100
    // Now 500 events/s from t = 150: the next event is 2 ms later, not 75 events at once.
    expect(eventsDue(pace, 150, 500).due).toBe(0);
    expect(eventsDue(eventsDue(pace, 150, 500).pace, 160, 500).due).toBe(5);
  });

  it('never applies more than the time allows, nor falls behind while frames keep up', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 5, 10, 20, 50, 100, 500),
        fc.array(fc.double({ min: 1, max: 60, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (speed, gaps) => {
          let pace = startPace(0, speed);
          let now = 0;
          let total = 0;
          let last = 0;
          for (const gap of gaps) {
            last = now;
            const r = eventsDue(pace, now, speed);
            expect(r.due).toBeGreaterThanOrEqual(0);
            total += r.due;
            pace = r.pace;
            now += gap;
          }
          // Events due by the last frame: t = 0, 1000/speed, … ≤ last (frames ≤ 60 ms < lag cap),
          // counted in periods as the clock counts them, at the last frame's own time (a
          // tolerance, and that time recomputed by subtraction, once miscounted at 60 ms).
          expect(total).toBe(Math.floor(last / (1000 / speed)) + 1);
        },
      ),
    );
  });
});
