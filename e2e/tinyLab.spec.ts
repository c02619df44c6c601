import { readFileSync } from 'node:fs';
import type { TraceEvent } from '../src/core/tree/events';
import { expect, test } from './fixtures-lab';

/**
 * The effort lab with Arbor's tiny model (issue 12): chosen in the lab's form, a small grid runs on the model in this
 * page (one run at a time, as any model's), finishes, and a point opens the exact run it
 * recorded in the visualizer, with the model's name and hash in its file.
 */

const manifest = JSON.parse(
  readFileSync(new URL('../public/models/tiny24/manifest.json', import.meta.url), 'utf8'),
) as { name: string; sha256: string };

test('a lab grid with the tiny model finishes and its points open their runs', async ({
  arbor,
  lab,
  page,
}) => {
  await lab.open();
  await lab.setup
    .getByRole('radiogroup', { name: 'Lab engine' })
    .getByRole('radio', { name: /^Tiny model — 0\.8M parameters/ })
    .check();
  await expect(page.getByTestId('lab-engine-summary')).toContainText('Tiny model');
  await expect(lab.setup).toContainText('Runs go one at a time through the tiny model');
  const problems = await lab.startWith({
    problemIds: ['g24-001', 'g24-002'],
    strategies: ['bon-majority', 'beam-min'],
    budgets: [2],
    seeds: [1],
    experiment: { kind: 'budget' },
  });
  expect(problems).toEqual([]);
  const end = await lab.finished(60_000);
  expect(end).toMatchObject({ status: 'done', done: 4, total: 4, failed: 0 });
  await expect(lab.points()).toHaveCount(2);

  const point = lab.plot.locator('[data-point="beam-min|-|-@2"]');
  await point.click();
  const rows = lab.pointRuns.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await rows
    .first()
    .getByRole('button', { name: /^Open g24-001/ })
    .click();

  await expect(lab.visualizerTab).toHaveAttribute('aria-selected', 'true');
  await expect(arbor.puzzle).toHaveValue('g24-001');
  await expect(arbor.algorithm).toHaveValue('beam');
  await expect.poll(async () => (await arbor.state()).status).toBe('done');
  const file = await arbor.exportRun();
  expect(file.settings.engine.kind).toBe('tiny');
  expect(file.model).toEqual({ name: manifest.name, sha256: manifest.sha256 });
  const events = file.events as TraceEvent[];
  const texts = events.flatMap((e) => (e.type === 'expand' ? e.children.map((c) => c.text) : []));
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t).toMatch(/\(left: [^)]*\)$/);
  expect(events.at(-1)?.type).toBe('done');
  await expect(page.getByRole('radio', { name: /^Tiny model/ })).toBeChecked();
});
