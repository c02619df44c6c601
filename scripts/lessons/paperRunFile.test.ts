import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reduce } from '../../src/core/tree/reduce';
import { parseRunFile } from '../../src/run/parseRunFile';
import { PAPER_ROOT_TEXT, PAPER_RUN_PATH, paperRunText } from './paperRunFile';

const committed = readFileSync(
  fileURLToPath(new URL(`../../public/${PAPER_RUN_PATH}`, import.meta.url)),
  'utf8',
);

describe('the bundled paper-tree run file', () => {
  it('is what scripts/lessons/paperRun.ts makes now (run `npm run lessons:runs` when not)', () => {
    expect(committed).toBe(paperRunText());
  });

  it('opens as a run with the tree’s own steps and the numbers worked on paper', () => {
    const parsed = parseRunFile(JSON.parse(committed));
    if (!parsed.ok) throw new Error(parsed.error);
    const tree = reduce(parsed.file.events);
    // Ids in order of creation (mcts.test.ts): R 0, A 1, B 2, B1 3, B2 4, A1 5, A2 6.
    expect(tree.nodes.map((n) => n.text)).toEqual([
      PAPER_ROOT_TEXT,
      'A',
      'B',
      'B1',
      'B2',
      'A1',
      'A2',
    ]);
    // After 4 iterations: R N 4 W 2.7, A N 2 W 1.5 (0.6 + 0.9), B N 2 W 1.2 (0.5 + 0.7).
    expect(tree.nodes.map((n) => n.N)).toEqual([4, 2, 2, 1, 1, 1, 0]);
    expect(tree.nodes[0]?.W).toBeCloseTo(2.7, 12);
    expect(tree.nodes[1]?.W).toBeCloseTo(1.5, 12);
    expect(tree.nodes[2]?.W).toBeCloseTo(1.2, 12);
    expect(parsed.file.settings.search).toMatchObject({ algorithm: 'mcts', c: 1, iterations: 4 });
  });
});
