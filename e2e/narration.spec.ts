import type { TraceEvent } from '../src/core/tree/events';
import { reduce } from '../src/core/tree/reduce';
import { num } from '../src/narration/format';
import { narrate } from '../src/narration/narrate';
import type { RunFile } from '../src/run/runFile';
import { expect, test } from './fixtures-inspector';

/** What the narration must say after `count` events of a run file. */
function expected(file: RunFile, count: number): string {
  const event = (file.events[count - 1] ?? null) as TraceEvent | null;
  return narrate(event, reduce(file.events, count - 1), reduce(file.events, count), {
    search: file.settings.search,
  });
}

test('Shift+→ steps one event at a time and the narration tells each MCTS phase', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  await arbor.configure({
    problemId: 'g24-001',
    seed: 1,
    search: { algorithm: 'mcts', rule: 'uct', c: Math.SQRT2, valueMode: 'prm', iterations: 6 },
    engine: { judge: 'simulated-prm', prmNoise: 0.2, skill: 0.7, slipRate: 0.05 },
  });
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  await arbor.seek(0);
  await expect(arbor.narration).toHaveText(/^Nothing has happened yet/);

  // Through iteration 1 and into iteration 2, one Shift+→ per event.
  const endOfIteration2 = file.events.findIndex((e) => e.type === 'backprop' && e.iteration === 2);
  const seen: string[] = [];
  for (let count = 1; count <= endOfIteration2 + 1; count++) {
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await arbor.state()).cursor).toBe(count);
    const text = expected(file, count);
    await expect(arbor.narration).toHaveText(text);
    seen.push(text);
  }

  const phase = (prefix: string) => seen.find((t) => t.startsWith(prefix)) ?? '';
  expect(seen[0]).toMatch(/^Start: Monte Carlo Tree Search \(UCT, c = 1\.41, 6 iterations/);
  expect(phase('Iteration 1 — selection')).toBe(
    'Iteration 1 — selection: the root has no children yet, so the path is just the root.',
  );
  expect(phase('Iteration 1 — expansion')).toMatch(
    /^Iteration 1 — expansion of the root: the proposer gave 3 children: '.+' \(\d+ tokens generated\)\.$/,
  );
  expect(phase('Iteration 1 — simulation')).toMatch(
    /^Iteration 1 — simulation from the new child '.+' \(the one the rule picks first\): no rollout in PRM-value mode; its PRM score \d\.\d\d is the value\.$/,
  );
  expect(phase('Iteration 1 — backpropagation')).toMatch(
    /^Iteration 1 — backpropagation of value (\d\.\d\d) up the path: '.+' now N 1, Q \1; the root N 1, Q \1\.$/,
  );
  expect(phase('Iteration 2 — selection')).toMatch(
    /^Iteration 2 — selection at depth 1: child '.+' wins because it is unvisited \(UCB \+∞, the first of 2 unvisited children\)\./,
  );
  expect(seen.some((t) => /^PRM score of '.+': \d\.\d\d from the simulated PRM/.test(t))).toBe(
    true,
  );

  // ← is not a shortcut, but scrubbing back through the test hook re-narrates the event there.
  await arbor.seek(2);
  await expect(arbor.narration).toHaveText(expected(file, 2));
});

test('the narration of a later selection gives each level its UCB terms and deciding term', async ({
  arbor,
}) => {
  await arbor.goto();
  await arbor.configure({
    problemId: 'g24-001',
    seed: 1,
    search: { algorithm: 'mcts', rule: 'uct', c: Math.SQRT2, valueMode: 'prm', iterations: 8 },
    engine: { judge: 'simulated-prm', prmNoise: 0.2, skill: 0.7, slipRate: 0.05 },
  });
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  const index = file.events.findIndex(
    (e) => e.type === 'select' && e.levels.some((l) => l.decidedBy === 'explore'),
  );
  expect(index).toBeGreaterThan(0);
  const select = file.events[index];
  if (select?.type !== 'select') throw new Error('not a select event');
  const level = select.levels.find((l) => l.decidedBy === 'explore');
  const winner = level?.candidates.find((c) => c.id === level.winner);
  await arbor.seek(index + 1);
  await expect(arbor.narration).toHaveText(expected(file, index + 1));
  await expect(arbor.narration).toContainText(
    `wins with UCB ${num(winner?.total ?? null)} = ${num(winner?.exploit ?? null)} exploit + ${num(winner?.explore ?? null)} explore (explore decided: by Q alone`,
  );
});
