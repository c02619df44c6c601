import { describe, expect, it } from 'vitest';
import { coincidentGroups } from './coincide';

const series = (id: string, ...points: [string, ...number[]][]) => ({
  id,
  points: points.map(([key, ...values]) => ({ key, values })),
});

describe('coincidentGroups', () => {
  it('groups series that agree at every point, in the order they came', () => {
    const groups = coincidentGroups([
      series('prm', ['2', 100, 0.5], ['8', 400, 0.75]),
      series('beam', ['2', 90, 0.5], ['8', 380, 0.7]),
      series('vote', ['8', 400, 0.75], ['2', 100, 0.5]),
    ]);
    expect(groups).toEqual([['prm', 'vote'], ['beam']]);
  });

  it('keeps series apart when one number of one point differs', () => {
    const a = series('a', ['2', 100, 0.5], ['8', 400, 0.75]);
    expect(coincidentGroups([a, series('b', ['2', 100, 0.5], ['8', 400, 0.7500001])])).toEqual([
      ['a'],
      ['b'],
    ]);
    expect(coincidentGroups([a, series('c', ['2', 100, 0.5], ['8', 401, 0.75])])).toEqual([
      ['a'],
      ['c'],
    ]);
  });

  it('keeps series apart when one has a point the other lacks', () => {
    const a = series('a', ['2', 100, 0.5]);
    const b = series('b', ['2', 100, 0.5], ['8', 400, 0.75]);
    expect(coincidentGroups([a, b])).toEqual([['a'], ['b']]);
  });

  it('never groups series without points', () => {
    expect(coincidentGroups([series('a'), series('b')])).toEqual([['a'], ['b']]);
  });
});
