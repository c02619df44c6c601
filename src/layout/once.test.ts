import { describe, expect, it } from 'vitest';
import { once } from './once';

describe('once', () => {
  it('works the value out on the first call only', () => {
    let calls = 0;
    const value = once(() => ++calls * 10);
    expect([value(), value(), value()]).toEqual([10, 10, 10]);
    expect(calls).toBe(1);
  });
});
