/**
 * Writes the tiny model's training data from the project's own exact solver: every multiset
 * of four numbers from 1..13 (1820), whether it is solvable, whether it is one of the 120
 * bundled puzzles (held out: never trained on), and for each solvable puzzle that is not
 * bundled every solution path as the step texts `legalMoves` prints and `checkStep` accepts
 * (`8 - 4 = 4 (left: 6 8 4)`), starting from the numbers in ascending order.
 *
 * Run: npx tsx scripts/tiny/export-data.ts [out.json] (default .tiny-work/data.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { legalMoves } from '../../src/core/tasks/game24/moves';
import { PUZZLES } from '../../src/core/tasks/game24/puzzles';
import type { Rational } from '../../src/core/tasks/game24/rational';
import { rat } from '../../src/core/tasks/game24/rational';
import { canReach24 } from '../../src/core/tasks/game24/solver';

/** One multiset of four numbers and, when it is for training, its solution paths. */
export interface TinyPuzzle {
  numbers: number[];
  solvable: boolean;
  heldOut: boolean;
  /** Every sequence of steps from `numbers` that ends at 24 ([] for held-out puzzles). */
  paths: string[][];
}

/** Every path of legal moves from `numbers` that keeps 24 in reach to the end. */
export function solutionPaths(numbers: readonly Rational[]): string[][] {
  if (numbers.length === 1) return [[]];
  const out: string[][] = [];
  for (const move of legalMoves(numbers)) {
    if (!canReach24(move.left)) continue;
    for (const rest of solutionPaths(move.left)) out.push([move.text, ...rest]);
  }
  return out;
}

/** All 1820 multisets in ascending order, the bundled ones marked held out and pathless. */
export function tinyData(): TinyPuzzle[] {
  const bundled = new Set(PUZZLES.map((p) => [...p.numbers].sort((x, y) => x - y).join(' ')));
  const out: TinyPuzzle[] = [];
  for (let a = 1; a <= 13; a++) {
    for (let b = a; b <= 13; b++) {
      for (let c = b; c <= 13; c++) {
        for (let d = c; d <= 13; d++) {
          const numbers = [a, b, c, d];
          const start = numbers.map((n) => rat(n));
          const solvable = canReach24(start);
          const heldOut = bundled.has(numbers.join(' '));
          const paths = solvable && !heldOut ? solutionPaths(start) : [];
          out.push({ numbers, solvable, heldOut, paths });
        }
      }
    }
  }
  return out;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]).endsWith('export-data.ts');
if (isMain) {
  const target = resolve(process.argv[2] ?? '.tiny-work/data.json');
  mkdirSync(dirname(target), { recursive: true });
  const data = tinyData();
  writeFileSync(target, JSON.stringify(data));
  const paths = data.reduce((s, p) => s + p.paths.length, 0);
  console.warn(`${target}: ${String(data.length)} multisets, ${String(paths)} paths`);
}
