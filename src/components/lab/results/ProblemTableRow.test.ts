import { describe, expect, it } from 'vitest';
import type { ProblemRow } from '../../../lab/aggregate';
import type { CellStatus } from '../../../lab/types';
import { rowSignature } from './ProblemTableRow';

const ROW: ProblemRow = {
  problemId: 'g24-001',
  cells: [
    { budget: 2, solved: 1, runs: 2, failed: 0, cellIds: ['a', 'b', 'c'] },
    { budget: 8, solved: 0, runs: 0, failed: 0, cellIds: ['d'] },
  ],
  firstSolvedBudget: 2,
};

describe('rowSignature', () => {
  it('writes the counts and every run’s outcome, "." for a run not finished', () => {
    const status: Record<string, CellStatus> = { a: 'solved', b: 'failed' };
    expect(rowSignature(ROW, (id) => status[id] ?? null)).toBe('1/2/0:solved,failed,.|0/0/0:.');
  });

  it('changes when a run finishes, so the row redraws', () => {
    const before = rowSignature(ROW, () => null);
    const after = rowSignature(ROW, (id) => (id === 'd' ? 'wrong' : null));
    expect(after).not.toBe(before);
  });
});
