import { createRng } from '../src/core/rng';
import { collectEvents, runSearch } from '../src/core/search';
import { createSyntheticDomain } from '../src/core/testing/scripted';
import type { TraceEvent } from '../src/core/tree/events';
import { importRunText } from '../src/importers';
import { makeRunFile } from '../src/run/runFile';
import { DEFAULT_SETTINGS } from '../src/run/settings';
import { expect, test } from './fixtures';

/** A large synthetic MCTS run (about 37 MB as a file at 50,000 events). */
function largeRun(events: number): TraceEvent[] {
  const domain = createSyntheticDomain(3, 12);
  const program = runSearch(
    { ...domain, problem: { id: 'large' }, rng: createRng(1) },
    {
      algorithm: 'mcts',
      rule: 'uct',
      c: Math.SQRT2,
      iterations: Math.ceil(events / 7),
      maxDepth: 12,
      childrenPerExpansion: 3,
      valueMode: 'prm',
    },
  );
  return collectEvents(program).slice(0, events);
}

const EVENTS = largeRun(50_000);

test('a large file imports in the worker with a progress bar, and the page answers clicks meanwhile', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  const text = JSON.stringify(makeRunFile(DEFAULT_SETTINGS, EVENTS));
  await arbor.importFile.setInputFiles({
    name: 'large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  // A click while the import runs is handled at once: the theme switches.
  const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  await page.getByRole('button', { name: /Switch to the (dark|light) theme/ }).click();
  const during = await page.evaluate(() => ({
    dark: document.documentElement.classList.contains('dark'),
    importing: document.querySelector('[data-testid="import-progress"]') !== null,
  }));
  expect(during).toEqual({ dark: !dark, importing: true });
  await expect(progress).toBeHidden({ timeout: 30_000 });
  expect((await arbor.state()).eventCount).toBe(EVENTS.length);
  expect(await arbor.state()).toMatchObject({ status: 'done', cursor: EVENTS.length });
});

test('a file that fails halfway through the worker’s check is refused with the event’s field path', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  const before = await arbor.state();
  const events: unknown[] = JSON.parse(JSON.stringify(EVENTS.slice(0, 10_000))) as unknown[];
  const half = events.findIndex((e, i) => i >= 5_000 && 'iteration' in (e as object));
  (events[half] as { iteration: number }).iteration = -3;
  const file = { ...makeRunFile(DEFAULT_SETTINGS, []), events };
  await arbor.importFile.setInputFiles({
    name: 'half.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByRole('alert')).toContainText(`events.${half}.iteration`);
  await expect(page.getByTestId('import-progress')).toBeHidden();
  expect(await arbor.state()).toEqual(before);
});

test('a file whose events pass the check but do not fit the tree is refused with the same words as on the page', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  const before = await arbor.state();
  // Events 0–7,999 with the 5,000th-or-later expansion taken out: a later event names a
  // node that never appeared. The page replays the events' text while the worker checks
  // them, fails, and then replays the checked events, which says why.
  const events = EVENTS.slice(0, 8_000);
  const cut = events.findIndex((e, i) => i >= 5_000 && e.type === 'expand');
  const text = JSON.stringify(
    makeRunFile(
      DEFAULT_SETTINGS,
      events.filter((_, i) => i !== cut),
    ),
  );
  const expected = importRunText(text, 'misfit.json');
  expect(expected.ok).toBe(false);
  await arbor.importFile.setInputFiles({
    name: 'misfit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('alert')).toContainText(expected.ok ? '' : expected.error);
  await expect(page.getByTestId('import-progress')).toBeHidden();
  expect(await arbor.state()).toEqual(before);
});
