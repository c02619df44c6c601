import type { Page } from '@playwright/test';
import { POINTS_HEADER, RUNS_HEADER } from '../src/lab/csv';
import { expect, test } from './fixtures-lab';
import type { LabPage } from './fixtures-lab';

/**
 * The effort lab (issue 5): a small grid set up in the form runs in the background, its plot
 * and table fill in, a point lists its runs and one opens in the visualizer as that exact
 * run; cancelling halfway keeps the partial results; two runs compare side by side with the
 * same node highlighted in both; the results export as CSV and the plot as SVG and PNG.
 */

/** Game of 24 puzzle ids g24-001 … g24-n. */
function puzzles(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `g24-${String(i + 1).padStart(3, '0')}`);
}

/** A small grid through the test API: 4 puzzles × 2 strategies × `budgets` × 1 seed. */
async function smallGrid(lab: LabPage, budgets = [2, 8]): Promise<void> {
  await lab.open();
  const problems = await lab.startWith({
    problemIds: ['g24-001', 'g24-031', 'g24-061', 'g24-091'],
    strategies: ['bon-majority', 'beam-min'],
    budgets,
    seeds: [1],
    experiment: { kind: 'budget' },
  });
  expect(problems).toEqual([]);
  const end = await lab.finished();
  expect(end).toMatchObject({ status: 'done', done: 4 * 2 * budgets.length, failed: 0 });
}

function csvLines(bytes: Buffer): string[] {
  return bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split(/\r?\n/);
}

test('a small grid set up in the form fills the plot and the table, and a point opens its run in the visualizer', async ({
  arbor,
  lab,
  page,
}) => {
  await lab.open();
  // All difficulties, 4 problems spread over the 120 puzzles.
  for (const d of ['medium', 'hard']) {
    await lab.setup
      .getByRole('group', { name: 'Difficulty' })
      .getByLabel(new RegExp(`^${d}`))
      .check();
  }
  await lab.field('Number of problems').fill('4');
  await expect(page.getByTestId('lab-problem-summary')).toHaveText('4 problems: g24-001 … g24-091');
  await lab.setup.getByLabel('Best-of-N, PRM pick (geometric mean)').uncheck();
  await lab.setup.getByLabel('MCTS, PRM as value').uncheck();
  await lab.setup.getByRole('button', { name: 'high 32' }).click();
  await expect(lab.field('Budgets k')).toHaveValue('2, 8');
  await lab.field('Seeds').fill('1');
  await expect(lab.runCount).toContainText('16 runs');
  await expect(lab.runCount).toContainText('4 problems × 2 strategies × 2 budgets × 1 seed');
  await lab.start.click();

  const end = await lab.finished();
  expect(end).toMatchObject({ status: 'done', done: 16, total: 16, failed: 0 });
  await expect(lab.status).toHaveText('Done');
  await expect(lab.progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '16');
  // 2 series × 2 budgets, each point a button named with its numbers.
  await expect(lab.points()).toHaveCount(4);
  const point = lab.plot.locator('[data-point="beam-min|-|-@8"]');
  await expect(point).toHaveAttribute(
    'aria-label',
    /^Beam search \(minimum\), k = 8: accuracy \d+%, [\d,.]+ tokens per problem, \d of 4 runs solved$/,
  );
  // The table: a row per problem, a column per budget.
  await expect(lab.table.locator('tbody tr')).toHaveCount(4);
  await expect(lab.table.getByRole('columnheader')).toHaveText([
    'Problem',
    'k = 2',
    'k = 8',
    'First solved at',
  ]);

  await point.click();
  await expect(lab.pointRuns).toContainText('Beam search (minimum) at k = 8');
  const rows = lab.pointRuns.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const cellId = (await rows.first().getAttribute('data-cell-id')) ?? '';
  expect(cellId).toMatch(/^-\|-\|beam-min\|8\|1\|g24-001\|run$/);
  const status = (await lab.cells()).find((c) => c.id === cellId)?.status;
  await rows
    .first()
    .getByRole('button', { name: /^Open g24-001/ })
    .click();

  // The visualizer shows that exact run: its puzzle, its settings, its outcome.
  await expect(lab.visualizerTab).toHaveAttribute('aria-selected', 'true');
  await expect(arbor.puzzle).toHaveValue('g24-001');
  await expect(arbor.algorithm).toHaveValue('beam');
  await expect(arbor.field('Beam width')).toHaveValue('2');
  await expect(arbor.field('Expansions per beam')).toHaveValue('4');
  await expect.poll(async () => (await arbor.state()).status).toBe('done');
  const state = await arbor.state();
  expect(state.correct === true ? 'solved' : state.answer === null ? 'no-answer' : 'wrong').toBe(
    status,
  );
  // Back in the lab, the grid and the selected point are still there.
  await lab.tab.click();
  await expect(lab.points()).toHaveCount(4);
  await expect(lab.pointRuns).toBeVisible();
});

test('results fill in while the grid runs; pause holds it, and cancel halfway keeps the partial results', async ({
  lab,
  page,
}) => {
  await lab.open();
  expect(
    await lab.startWith({
      problemIds: puzzles(120),
      strategies: ['bon-prm-geomean', 'bon-majority', 'beam-min', 'mcts-prm'],
      budgets: [2, 8, 32],
      seeds: [1, 2, 3, 4, 5, 6],
      experiment: { kind: 'budget' },
    }),
  ).toEqual([]);
  const total = 120 * 4 * 3 * 6;
  await expect(lab.status).toHaveText('Running');
  // Points appear before the grid is done (the worker's first batch; slow on a busy machine).
  await expect(lab.points().first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await lab.state()).done).toBeGreaterThan(0);

  await lab.progress.getByRole('button', { name: 'Pause' }).click();
  await expect(lab.status).toHaveText('Paused');
  const paused = (await lab.state()).done;
  await page.waitForTimeout(600);
  // At most the run in flight lands after the pause.
  expect((await lab.state()).done - paused).toBeLessThanOrEqual(64);
  await lab.progress.getByRole('button', { name: 'Resume' }).click();
  await expect(lab.status).toHaveText('Running');

  await lab.progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(lab.status).toHaveText('Cancelled — the finished runs are kept');
  const end = await lab.state();
  expect(end.status).toBe('cancelled');
  expect(end.done).toBeGreaterThan(0);
  expect(end.done).toBeLessThan(total);
  await page.waitForTimeout(500);
  expect((await lab.state()).done).toBe(end.done);
  // Every finished run is kept, shown and exported.
  const cells = await lab.cells();
  expect(cells.filter((c) => c.status !== null)).toHaveLength(end.done);
  await expect(lab.progress).toContainText(`${end.done.toLocaleString('en-US')} of`);
  await expect(lab.points().first()).toBeVisible();
  await expect(lab.table.locator('tbody tr').first()).toBeVisible();
  const runs = await lab.download(page.getByRole('button', { name: 'Runs CSV' }));
  expect(csvLines(runs.bytes)).toHaveLength(end.done + 1);
  await expect(lab.progress.getByRole('button', { name: 'Cancel' })).toBeDisabled();
});

test('two runs of one problem compare side by side with the same node highlighted in both', async ({
  lab,
}) => {
  await smallGrid(lab, [2, 32]);
  await lab.table
    .page()
    .getByRole('region', { name: 'Per problem' })
    .getByLabel('Series', { exact: true })
    .selectOption({ label: 'Beam search (minimum)' });
  await lab.compare.getByRole('button', { name: 'Pick two runs' }).click();
  await lab.table.getByRole('button', { name: /^Pick g24-001, k = 2, seed 1/ }).click();
  await expect(lab.compare.getByTestId('compare-hint')).toContainText('First run: g24-001');
  await lab.table.getByRole('button', { name: /^Pick g24-001, k = 32, seed 1/ }).click();

  // The comparison opens over the page.
  const dialog = lab.page.getByRole('dialog', { name: 'Compare two runs' });
  const left = dialog.getByTestId('compare-left');
  const right = dialog.getByTestId('compare-right');
  await expect(left).toContainText('k = 2');
  await expect(right).toContainText('k = 32');
  // The root is the same node in both runs.
  const root = left.locator('[data-path-key]').first();
  const key = (await root.getAttribute('data-path-key')) ?? '';
  await root.click();
  await expect(left.locator('[data-highlighted="true"]')).toHaveAttribute('data-path-key', key);
  await expect(right.locator('[data-highlighted="true"]')).toHaveAttribute('data-path-key', key);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the results export as CSV (runs, points) and the plot as a standalone SVG and a PNG', async ({
  lab,
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push(`${e.effectiveDirective} ${e.sample}`);
    });
  });
  await smallGrid(lab);
  const runs = await lab.download(page.getByRole('button', { name: 'Runs CSV' }));
  expect(runs.name).toBe('arbor-lab-runs.csv');
  const lines = csvLines(runs.bytes);
  expect(lines[0]).toBe(RUNS_HEADER.join(','));
  expect(lines).toHaveLength(17);
  const problems = new Set(lines.slice(1).map((l) => l.split(',')[0]));
  expect([...problems].sort()).toEqual(['g24-001', 'g24-031', 'g24-061', 'g24-091']);
  expect(lines.slice(1).every((l) => /^g24-\d{3},(bon-majority|beam-min),(2|8),1,/.test(l))).toBe(
    true,
  );

  const points = await lab.download(page.getByRole('button', { name: 'Points CSV' }));
  expect(points.name).toBe('arbor-lab-points.csv');
  expect(csvLines(points.bytes)[0]).toBe(POINTS_HEADER.join(','));
  expect(csvLines(points.bytes)).toHaveLength(5);

  const svg = await lab.download(page.getByRole('button', { name: 'Save the effort plot as SVG' }));
  expect(svg.name).toBe('arbor-effort.svg');
  const text = svg.bytes.toString('utf8');
  // A standalone file at the plot's own size (wider now, for the names at the lines' ends).
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*width="\d+"/);
  expect(text).toContain('Beam search (minimum)');
  expect(text).not.toContain('tabindex');
  expect(text).not.toContain('class=');
  // Styles inline as presentation attributes (no style="…", which the page's CSP refuses).
  expect(text).not.toContain('style=');
  const width = Number(/^<svg[^>]*\swidth="(\d+)"/.exec(text)?.[1]);
  expect(text).toContain(`viewBox="0 0 ${width} `);
  expect(text).toMatch(new RegExp(`<rect width="${width}" height="\\d+" fill="#ffffff"`));

  const png = await lab.download(page.getByRole('button', { name: 'Save the effort plot as PNG' }));
  expect(png.name).toBe('arbor-effort.png');
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // 2×: as wide as twice the viewBox.
  expect(png.bytes.readUInt32BE(16)).toBe(2 * width);
  // Nothing the page did broke its Content-Security-Policy.
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  ).toEqual([]);
});

async function pressOnBody(page: Page, key: string): Promise<void> {
  await page.locator('body').focus();
  await page.keyboard.press(key);
}

test('keyboard: L switches pages, points are focusable with a tooltip, Enter lists the runs', async ({
  lab,
  page,
}) => {
  await smallGrid(lab);
  await pressOnBody(page, 'l');
  await expect(lab.visualizerTab).toHaveAttribute('aria-selected', 'true');
  await pressOnBody(page, 'L');
  await expect(lab.tab).toHaveAttribute('aria-selected', 'true');
  await lab.tab.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(lab.visualizerTab).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(lab.tab).toHaveAttribute('aria-selected', 'true');

  const point = lab.points().first();
  await point.focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('Accuracy');
  await expect(tip).toContainText('Compute:');
  await page.keyboard.press('Enter');
  await expect(lab.pointRuns).toBeVisible();
  await expect(point).toHaveAttribute('aria-pressed', 'true');

  await pressOnBody(page, '?');
  await expect(page.getByRole('dialog')).toContainText(
    'Switch between the visualizer and the effort lab',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('the form says what is wrong before a start, and budget forcing needs a model', async ({
  lab,
}) => {
  await lab.open();
  for (const name of [
    'Best-of-N, PRM pick (geometric mean)',
    'Best-of-N, majority vote',
    'Beam search (minimum)',
    'MCTS, PRM as value',
  ]) {
    await lab.setup.getByLabel(name).uncheck();
  }
  await expect(lab.setup.getByRole('alert', { name: 'Problems with the grid' })).toBeVisible();
  await expect(lab.start).toBeDisabled();
  await expect(lab.runCount).toContainText('0 runs');
  const forcing = lab.setup.getByRole('radio', { name: /^Budget forcing/ });
  await expect(forcing).toBeDisabled();
  await expect(lab.setup.getByRole('radiogroup', { name: 'Experiment' })).toContainText(
    'Needs a language model',
  );
  // A bad budget list is kept on screen with the reason, and not used.
  await lab.setup.getByLabel('Beam search (minimum)').check();
  await lab.field('Budgets k').fill('2, x');
  await expect(lab.setup).toContainText('"x" is not a number.');
  await expect(lab.runCount).toContainText('3 budgets');
});

test('the plot follows the theme (its colours are attributes, so exports keep them)', async ({
  lab,
  page,
}) => {
  await smallGrid(lab);
  const background = lab.plot.locator('rect').first();
  const before = await background.getAttribute('fill');
  await page.getByRole('button', { name: /^Switch to the (dark|light) theme$/ }).click();
  await expect(background).not.toHaveAttribute('fill', before ?? '');
  expect([before, await background.getAttribute('fill')].sort()).toEqual(['#020617', '#ffffff']);
});

test('an experiment with a variable adds the plot of accuracy against it, at a chosen budget', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.field('Number of problems').fill('3');
  for (const name of ['Best-of-N, majority vote', 'Beam search (minimum)', 'MCTS, PRM as value']) {
    await lab.setup.getByLabel(name).uncheck();
  }
  await lab.field('Budgets k').fill('2, 8');
  await lab.field('Seeds').fill('1');
  await lab.setup.getByRole('radio', { name: /^PRM quality/ }).check();
  await lab.field('PRM noise values').fill('0, 0.6');
  await expect(lab.runCount).toContainText(
    '12 runs: 3 problems × 1 strategy × 2 budgets × 1 seed × 2 values of PRM noise',
  );
  await lab.start.click();
  expect(await lab.finished()).toMatchObject({ status: 'done', done: 12 });

  // The main plot: a line per noise value; the second plot: noise on x at k = 8.
  await expect(lab.points()).toHaveCount(4);
  const variable = page.getByRole('group', { name: 'Accuracy against PRM noise at k = 8' });
  await expect(variable.locator('[data-point]')).toHaveCount(2);
  await page.getByLabel('at budget k =').selectOption('2');
  const atTwo = page.getByRole('group', { name: 'Accuracy against PRM noise at k = 2' });
  const noisy = atTwo.getByRole('button', {
    name: /^Best-of-N, PRM pick \(geometric mean\), PRM noise 0\.6: accuracy \d+%/,
  });
  await noisy.click();
  await expect(lab.pointRuns).toContainText('PRM noise 0.6 at k = 2');
  await expect(lab.pointRuns.getByRole('columnheader', { name: 'PRM noise' })).toBeVisible();
  await expect(lab.pointRuns.locator('tbody tr')).toHaveCount(3);
});
