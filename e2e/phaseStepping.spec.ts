import type { TraceEvent } from '../src/core/tree/events';
import { phaseGroups } from '../src/core/tree/phaseGroups';
import { reduce } from '../src/core/tree/reduce';
import { narrate } from '../src/narration/narrate';
import type { RunFile } from '../src/run/runFile';
import { expect, test } from './fixtures-inspector';
import { TreePage } from './fixtures-tree';

/** The sentence the narration must show for event `index` of a run file. */
function told(file: RunFile, index: number): string {
  const event = file.events[index] as TraceEvent;
  return narrate(event, reduce(file.events, index), reduce(file.events, index + 1), {
    search: file.settings.search,
    task: file.settings.task,
  });
}

const PRM_RUN = {
  problemId: 'g24-001',
  seed: 1,
  search: { algorithm: 'mcts', rule: 'uct', c: Math.SQRT2, valueMode: 'prm', iterations: 8 },
  engine: { judge: 'simulated-prm', prmNoise: 0.2, skill: 0.7, slipRate: 0.05 },
} as const;

test('→ advances one MCTS phase with its scores and backtrack, each listed in the narration', async ({
  arbor,
  page,
}, testInfo) => {
  await arbor.goto();
  await arbor.configure(PRM_RUN);
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  const groups = phaseGroups(file.events);
  await arbor.seek(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  const strip = page.getByRole('list', { name: 'MCTS phases' });
  const list = page.getByTestId('narration-phase').locator('li .narration-text');
  // start, then iteration 1 and 2 phase by phase: select, expand (+3 scores), simulate, backprop.
  const expectedLit = ['Select', 'Expand', 'Simulate', 'Backprop'];
  for (let g = 0; g < 9; g++) {
    const group = groups[g];
    if (!group) throw new Error('the run has fewer phases than expected');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await arbor.state()).cursor).toBe(group.end);
    const sentences = file.events
      .slice(group.start, group.end)
      .map((_, i) => told(file, group.start + i));
    await expect(arbor.narration).toHaveText(sentences.at(-1) ?? '');
    await expect(list).toHaveText(sentences.slice(0, -1));
    if (g > 0)
      await expect(strip.locator('[aria-current="step"]')).toHaveText(
        expectedLit[(g - 1) % 4] ?? '',
      );
    if (g === 2) {
      // The expansion of the root comes with the three PRM scores of its children.
      expect(file.events.slice(group.start, group.end).map((e) => e.type)).toEqual([
        'expand',
        'score',
        'score',
        'score',
      ]);
      await expect(list).toHaveCount(3);
      await testInfo.attach('expand phase', {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
    }
  }
  expect((await arbor.state()).rootN).toBe(2);

  // A selection that changes line carries its backtrack event with it.
  const withBacktrack = groups.find(
    (g) => g.kind === 'select' && file.events[g.start + 1]?.type === 'backtrack',
  );
  expect(withBacktrack).toBeDefined();
  await arbor.seek(withBacktrack?.start ?? 1); // the phase before it, whole
  await page.keyboard.press('PageDown'); // a presenter's clicker
  await expect.poll(async () => (await arbor.state()).cursor).toBe(withBacktrack?.end);
  await expect(list).toHaveCount(1);
  await expect(list.first()).toHaveText(told(file, withBacktrack?.start ?? 0));
  await expect(arbor.narration).toHaveText(/^Iteration \d+ — (backtrack to|change of line at) /);

  // ← and Page Up go back one phase; Shift+← one event.
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await arbor.state()).cursor).toBe(withBacktrack?.start);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await arbor.state()).cursor).toBe((withBacktrack?.start ?? 1) - 1);
});

test('→ pulls a live search until the phase is whole', async ({ arbor, page }) => {
  await arbor.goto();
  await arbor.configure(PRM_RUN);
  expect((await arbor.state()).eventCount).toBe(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight'); // start
  await page.keyboard.press('ArrowRight'); // select (no backtrack can follow the first)
  await page.keyboard.press('ArrowRight'); // expand and its three scores
  await expect.poll(async () => (await arbor.state()).cursor).toBe(6);
  await expect(page.getByTestId('narration-phase').locator('li')).toHaveCount(3);
});

test('beam search and best-of-N step by their own phases', async ({ arbor, page }) => {
  await arbor.goto('?algo=beam');
  await arbor.runToEnd();
  let file = await arbor.exportRun();
  let groups = phaseGroups(file.events);
  await arbor.seek(1);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight'); // one beam's expansion with its scores
  await expect.poll(async () => (await arbor.state()).cursor).toBe(groups[1]?.end);
  await expect(arbor.narration).toHaveText(/^PRM score of /);
  await expect(
    page.getByTestId('narration-phase').locator('li .narration-text').first(),
  ).toHaveText(/^Depth 1 — /);
  await page.keyboard.press('ArrowRight'); // the prune
  await expect.poll(async () => (await arbor.state()).cursor).toBe(groups[2]?.end);
  await expect(
    page.getByRole('list', { name: 'Search stages' }).locator('[aria-current="step"]'),
  ).toHaveText('Prune');

  await arbor.goto('?algo=best-of-n');
  await arbor.runToEnd();
  file = await arbor.exportRun();
  groups = phaseGroups(file.events);
  await arbor.seek(1);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight'); // the whole first sample
  await expect.poll(async () => (await arbor.state()).cursor).toBe(groups[1]?.end);
  expect(groups[1]?.kind).toBe('sample');
  await expect(page.getByText(/^Sample 1 of \d+$/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Sample 2 of \d+$/)).toBeVisible();
});

test('keys still step after picking from a dropdown, clicking a button or clicking a node', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  await arbor.configure(PRM_RUN);
  await arbor.runToEnd();
  await arbor.seek(0);

  // The Speed dropdown, used with the mouse: → steps, the speed stays.
  const speed = page.getByLabel('Speed', { exact: true });
  await speed.click();
  await speed.selectOption('20');
  // A pick with the mouse closes the dropdown's popup; here Esc closes the one click opened.
  await page.keyboard.press('Escape');
  await expect(speed).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await arbor.state()).cursor).toBe(1);
  await expect(speed).toHaveValue('20');

  // The Algorithm dropdown (the case): picking beam search starts a new run; → then
  // steps that run instead of changing the algorithm again.
  const algorithm = arbor.algorithm;
  await algorithm.click();
  await algorithm.selectOption('beam');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await arbor.state()).eventCount).toBe(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await arbor.state()).cursor).toBeGreaterThanOrEqual(2);
  await expect(algorithm).toHaveValue('beam');
  await algorithm.click();
  await algorithm.selectOption('mcts');
  await page.keyboard.press('Escape');
  await arbor.configure(PRM_RUN);
  await arbor.runToEnd();

  // A button clicked with the mouse: Space plays and pauses instead of pressing it again.
  await page.getByRole('button', { name: 'Go to start' }).click();
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect.poll(async () => (await arbor.state()).cursor).toBe(1);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await arbor.state()).cursor).toBe(2);

  // A node clicked in the tree: → advances a phase (the tree's own arrows wait for Tab).
  await arbor.seek(8);
  const tree = new TreePage(page);
  await tree.click(1);
  await expect(arbor.inspector).toBeVisible();
  const before = (await arbor.state()).cursor;
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await arbor.state()).cursor).toBeGreaterThan(before);
});
