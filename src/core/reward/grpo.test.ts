import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAdvantage, groupAdvantages } from './grpo';

describe('groupAdvantages', () => {
  it('normalises a group of 4 rewards as worked out on paper', () => {
    // r = 0.9, 0.6, 0.3, 0.2: mean 2.0 / 4 = 0.5; deviations +0.4, +0.1, −0.2, −0.3;
    // squares 0.16 + 0.01 + 0.04 + 0.09 = 0.30; population variance 0.30 / 4 = 0.075;
    // std √0.075 = 0.273861; A = 0.4 / 0.273861 = 1.460593, 0.365148, −0.730297, −1.095445.
    const g = groupAdvantages([0.9, 0.6, 0.3, 0.2]);
    expect(g.mean).toBeCloseTo(0.5, 12);
    expect(g.std).toBeCloseTo(0.273861, 6);
    const expected = [1.460593, 0.365148, -0.730297, -1.095445];
    g.advantages.forEach((a, i) => expect(a).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it('gives right/wrong rewards (DeepSeek-R1’s rule reward) +1/√3 and −√3', () => {
    // r = 1, 1, 1, 0: mean 0.75; variance (3 · 0.0625 + 0.5625) / 4 = 0.1875; std 0.433013;
    // the right ones get 0.25 / 0.433013 = 1/√3 = 0.577350, the wrong one −0.75 / … = −√3.
    const g = groupAdvantages([1, 1, 1, 0]);
    expect(g.std).toBeCloseTo(Math.sqrt(0.1875), 12);
    expect(g.advantages[0]).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(g.advantages[3]).toBeCloseTo(-Math.sqrt(3), 12);
    // The population std: two rewards 1 and 0 are +1 and −1 (the sample std would give ±0.71).
    expect(groupAdvantages([1, 0]).advantages).toEqual([1, -1]);
  });

  it('gives every output 0 when the rewards are all equal (std 0: the group trains nothing)', () => {
    expect(groupAdvantages([1, 1, 1, 1])).toEqual({ mean: 1, std: 0, advantages: [0, 0, 0, 0] });
    expect(groupAdvantages([0.1 + 0.2, 0.3]).advantages).toEqual([0, 0]);
    expect(groupAdvantages([0.7]).advantages).toEqual([0]);
    expect(groupAdvantages([])).toEqual({ mean: 0, std: 0, advantages: [] });
  });

  it('centres and scales any group: advantages sum to 0 and have population std 1', () => {
    const reward = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(reward, { minLength: 2, maxLength: 32 }), (rewards) => {
        const { std, advantages } = groupAdvantages(rewards);
        const sum = advantages.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum)).toBeLessThan(1e-9);
        if (std > 0) {
          const spread = Math.sqrt(advantages.reduce((a, b) => a + b * b, 0) / advantages.length);
          expect(spread).toBeCloseTo(1, 9);
        } else expect(advantages.every((a) => a === 0)).toBe(true);
      }),
    );
  });
});

describe('formatAdvantage', () => {
  it('writes a sign and two decimals, with a true minus sign', () => {
    expect(formatAdvantage(1.460593)).toBe('+1.46');
    expect(formatAdvantage(-0.730297)).toBe('−0.73');
    expect(formatAdvantage(0)).toBe('0.00');
    expect(formatAdvantage(-0.001)).toBe('0.00');
  });
});
