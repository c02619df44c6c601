import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { TraceEvent } from '../src/core/tree/events';
import { expect, test } from './fixtures';

/**
 * Arbor's own tiny model in Chromium (issue 12): onnxruntime-web on wasm in a worker, loaded
 * when chosen. Its steps are the model's own text, judged by its SPRM head; greedy decoding
 * gives, token for token, the text PyTorch wrote into the manifest for held-out puzzles.
 */

const manifest = JSON.parse(
  readFileSync(new URL('../public/models/tiny24/manifest.json', import.meta.url), 'utf8'),
) as {
  name: string;
  sha256: string;
  greedy_checks: { numbers: number[]; steps: string[] }[];
};
const puzzles = JSON.parse(
  readFileSync(new URL('../src/core/tasks/game24/puzzles.json', import.meta.url), 'utf8'),
) as { id: string; numbers: number[] }[];

const TINY = /^Tiny model — 0\.8M parameters, trained on Game of 24, runs in your browser$/;

test('choose the tiny model: 30 MCTS iterations of its own steps, scored by its SPRM head', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  await page.getByRole('radio', { name: TINY }).check();
  await expect(page.getByTestId('tiny-ready')).toContainText(
    `Loaded ${manifest.name} (sha256 ${manifest.sha256.slice(0, 12)}…) on onnxruntime-web`,
    { timeout: 30_000 },
  );
  await expect(page.getByLabel('About this model')).toContainText('Its SPRM head collapsed');
  await expect(page.getByRole('img', { name: /^SPRM head training curves/ })).toBeVisible();
  await expect(page.getByTestId('sprm-training-curves')).toContainText('collapsed');
  // The Engine settings with the tiny model's loading, knobs and note: no axe violations.
  const axe = await new AxeBuilder({ page })
    .include('fieldset:has([role="radiogroup"][aria-label="Engine"])')
    .analyze();
  expect(axe.passes.length).toBeGreaterThan(5);
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`)).toEqual([]);
  await arbor.configure({ search: { algorithm: 'mcts', iterations: 30 } });
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  expect(file.model).toEqual({ name: manifest.name, sha256: manifest.sha256 });
  const events = file.events as TraceEvent[];
  expect(events.filter((e) => e.type === 'backprop')).toHaveLength(30);
  const texts = events.flatMap((e) => (e.type === 'expand' ? e.children.map((c) => c.text) : []));
  expect(texts.length).toBeGreaterThan(10);
  for (const t of texts) expect(t).toMatch(/^\S+ [-+*/] \S+ = \S+ \(left: [^)]*\)$/);
  const scores = events.filter((e) => e.type === 'score');
  expect(scores.length).toBeGreaterThan(10);
  for (const s of scores) {
    expect(s.type === 'score' && s.evidence).toEqual({ judge: 'sprm', model: manifest.name });
  }
  // The tree shows the model's steps (short form) and their PRM scores.
  const nodes = arbor.nodes();
  await expect(nodes.first()).toBeVisible();
  expect(await nodes.count()).toBeGreaterThan(5);
  await expect(arbor.tree).toContainText(/\d+ ?[-+×÷*/] ?\d+ ?= ?-?\d+/);
});

test('greedy decoding in Chromium writes the text PyTorch recorded for held-out puzzles', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  await page.getByRole('radio', { name: TINY }).check();
  await expect(page.getByTestId('tiny-ready')).toBeVisible({ timeout: 30_000 });
  for (const check of manifest.greedy_checks) {
    const puzzle = puzzles.find((p) => p.numbers.join(' ') === check.numbers.join(' '));
    if (!puzzle) throw new Error(`held-out puzzle ${check.numbers.join(' ')} is not bundled`);
    // One sample at temperature 0 is the greedy line: steps until one is wrong or 24 is left.
    await arbor.configure({
      problemId: puzzle.id,
      search: { algorithm: 'best-of-n', n: 1 },
      engine: { kind: 'tiny', temperature: 0, judge: 'rule' },
    });
    await arbor.runToEnd();
    const events = (await arbor.exportRun()).events as TraceEvent[];
    const line = events.flatMap((e) => (e.type === 'expand' ? e.children.map((c) => c.text) : []));
    expect(line, check.numbers.join(' ')).toEqual(check.steps);
  }
});

test('a link chooses the tiny model; a model that fails to load says why, and Try again loads it', async ({
  arbor,
  page,
}) => {
  await page.route('**/models/tiny24/model.onnx', (route) => route.fulfill({ status: 404 }));
  await arbor.goto('?engine=tiny&iters=5');
  await expect(page.getByRole('radio', { name: TINY })).toBeChecked();
  const alert = page
    .getByRole('group', { name: 'Engine' })
    .getByRole('alert')
    .filter({ hasText: 'The tiny model did not load' });
  await expect(alert).toContainText(
    /fetching http:\/\/[^ ]+\/models\/tiny24\/model\.onnx gave HTTP 404/,
    {
      timeout: 30_000,
    },
  );
  await page.unroute('**/models/tiny24/model.onnx');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('tiny-ready')).toBeVisible({ timeout: 30_000 });
  await expect(alert).toBeHidden();
  // The page's first run stopped on the failed load, and says so; Reset runs it again.
  await expect(page.getByText(/^The run stopped: The tiny model did not load/)).toBeVisible();
  await arbor.button('Reset').click();
  await arbor.runToEnd();
  expect((await arbor.state()).rootN).toBe(5);
});

test('word problems: the tiny model cannot be chosen, and a link that asks for it says why', async ({
  arbor,
  page,
}) => {
  const why =
    'The tiny model was trained on Game of 24 only: word problems need a larger model (web-llm or a server).';
  await arbor.goto('?task=word-problems');
  await expect(page.getByRole('radio', { name: TINY })).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Engine' })).toContainText(why);
  await arbor.goto('?task=word-problems&engine=tiny');
  await expect(page.getByText(why).first()).toBeVisible();
  await arbor.runToEnd();
  expect((await arbor.state()).eventCount).toBe(0);
});
