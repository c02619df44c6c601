/**
 * The tiny model's data builder against the app's own checker, and its Python tests (the
 * Python port of the solver agreeing with this one, the SPR loss on a hand-made batch) where
 * Debian's python3 with torch is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUZZLES } from '../../src/core/tasks/game24/puzzles';
import { rat } from '../../src/core/tasks/game24/rational';
import { checkStep } from '../../src/core/tasks/game24/step';
import { solutionPaths, tinyData } from './export-data';

const data = tinyData();
const dir = mkdtempSync(join(tmpdir(), 'tiny-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

describe('the tiny model data builder', () => {
  it('holds out exactly the 120 bundled puzzles and trains on the other 1242 solvable ones', () => {
    expect(data).toHaveLength(1820);
    const bundled = new Set(PUZZLES.map((p) => [...p.numbers].sort((x, y) => x - y).join(' ')));
    const held = data.filter((p) => p.heldOut);
    expect(new Set(held.map((p) => p.numbers.join(' ')))).toEqual(bundled);
    expect(held.every((p) => p.paths.length === 0)).toBe(true);
    expect(data.filter((p) => p.paths.length > 0)).toHaveLength(1362 - 120);
  });

  it('writes only steps the app accepts, each path ending at 24', () => {
    for (const p of data) {
      for (const path of p.paths) {
        let numbers = p.numbers.map((n) => rat(n));
        for (const text of path) {
          const check = checkStep(numbers, text);
          expect(check.valid, text).toBe(true);
          if (check.valid) numbers = [...check.state.numbers];
        }
        expect(numbers).toEqual([rat(24)]);
      }
    }
  });

  it('finds every solution of a small puzzle (2 2 6 worked by hand)', () => {
    // 2 + 2 or 2 * 2 makes 4, then 6 * 4; 6 * 2 = 12, then 12 * 2. Every other first move
    // (2 - 2, 2 / 2, 6 ± 2, 2 - 6, 6 / 2, 2 / 6) leaves two numbers that cannot make 24.
    expect(solutionPaths([rat(2), rat(2), rat(6)])).toEqual([
      ['2 + 2 = 4 (left: 6 4)', '6 * 4 = 24 (left: 24)'],
      ['2 * 2 = 4 (left: 6 4)', '6 * 4 = 24 (left: 24)'],
      ['6 * 2 = 12 (left: 2 12)', '12 * 2 = 24 (left: 24)'],
    ]);
  });

  it.skipIf(!hasTorch)(
    'passes its Python tests (solver port, SPR loss)',
    () => {
      const file = join(dir, 'data.json');
      writeFileSync(file, JSON.stringify(data));
      const run = spawnSync(
        PYTHON,
        ['-m', 'unittest', 'discover', '-s', 'scripts/tiny/tests', '-t', 'scripts/tiny'],
        { env: { ...process.env, TINY_DATA: file }, encoding: 'utf8' },
      );
      expect(run.stderr).toMatch(/\nOK\n?$/);
      expect(run.status).toBe(0);
    },
    120_000,
  );
});
