import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/** A sample file from public/samples, as the user's file picker would give it. */
function sample(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const path = new URL(`../public/samples/${name}`, import.meta.url);
  return { name, mimeType: 'application/json', buffer: readFileSync(path) };
}

/** Each foreign sample, the tool's name as the notice gives it, and its node count by hand. */
const FOREIGN = [
  {
    file: 'llm-reasoners.json',
    tool: 'llm-reasoners',
    nodes: 4,
    rootN: 2,
    says: 'replayed from its snapshots',
  },
  { file: 'openr.json', tool: 'OpenR', nodes: 5, rootN: 4, says: 'no phase-by-phase history' },
  {
    file: 'rstar-math.json',
    tool: 'rStar-Math',
    nodes: 6,
    rootN: 4,
    says: 'no phase-by-phase history',
  },
] as const;

for (const { file, tool, nodes, rootN, says } of FOREIGN) {
  test(`a ${tool} tree imports through the file input and says what it lacks`, async ({
    arbor,
    page,
  }) => {
    await arbor.goto();
    await arbor.importFile.setInputFiles(sample(file));
    await expect(arbor.nodes()).toHaveCount(nodes);
    const state = await arbor.state();
    expect(state.nodeCount).toBe(nodes);
    expect(state.rootN).toBe(rootN);
    expect(state.cursor).toBe(state.eventCount);
    await expect(page.getByRole('alert')).toHaveCount(0);
    const notice = page.getByRole('note', { name: 'Imported run' });
    await expect(notice).toContainText(`Imported from ${tool} (${file}):`);
    await expect(notice).toContainText(says);
    await expect(arbor.summaryValue('Root visits N')).toHaveText(String(rootN));

    // Issue 15: the run shows what it is everywhere, not Arbor's default settings.
    const header = page.getByRole('banner');
    await expect(header).toContainText(`Imported from ${tool} — not run in Arbor`);
    await expect(header).not.toContainText('Simulated engine');
    const settings = page.getByRole('region', { name: 'Imported run' });
    await expect(settings).toContainText(`${tool} grew this tree (${file})`);
    await expect(page.getByLabel('Puzzle')).toHaveCount(0);
    await expect(page.getByLabel('Algorithm')).toHaveCount(0);
    const summary = page.getByRole('region', { name: 'Run summary' });
    await expect(summary).toContainText('Question (from the file)');
    await expect(summary).not.toContainText('4 6 8 8');
    await expect(page.getByText(/MCTS iteration \d+ \(imported\)/)).toBeVisible();
    const row = page.getByRole('region', { name: 'Saved runs' }).getByRole('listitem').first();
    await expect(row).toContainText(`imported from ${tool}`);
    await expect(row).not.toContainText('Game of 24');
  });
}

test("leaving an imported tree brings Arbor's settings back, with a run of them", async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  await arbor.importFile.setInputFiles(sample('openr.json'));
  await expect(arbor.nodes()).toHaveCount(5);
  await page.getByRole('button', { name: "Back to Arbor's settings" }).click();
  await expect(page.getByLabel('Puzzle')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Simulated engine');
  await expect.poll(async () => (await arbor.state()).status).toBe('done');
  await expect(page.getByRole('note', { name: 'Imported run' })).toHaveCount(0);
});

test('the Arbor sample run imports through the file input, with no import notice', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  const file = JSON.parse(sample('arbor-run.json').buffer.toString('utf8')) as {
    events: unknown[];
  };
  await arbor.importFile.setInputFiles(sample('arbor-run.json'));
  await expect.poll(async () => (await arbor.state()).eventCount).toBe(file.events.length);
  expect((await arbor.state()).status).toBe('done');
  await expect(page.getByRole('note', { name: 'Imported run' })).toHaveCount(0);
});

test('an llm-reasoners history steps iteration by iteration', async ({ arbor, page }) => {
  await arbor.goto();
  await arbor.importFile.setInputFiles(sample('llm-reasoners.json'));
  await expect(arbor.nodes()).toHaveCount(4);
  await page.evaluate(() => window.arbor.seek(1));
  await expect(arbor.nodes()).toHaveCount(1);
  // Seeking through the two snapshots: three nodes after the first, four after the second.
  await page.evaluate(() => window.arbor.seek(4));
  await expect(arbor.nodes()).toHaveCount(3);
  expect((await arbor.state()).rootN).toBe(1);
  await page.evaluate(() => window.arbor.seek(7));
  expect((await arbor.state()).rootN).toBe(2);
});

test('a broken foreign tree is refused with its field path and the run is untouched', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  await arbor.importFile.setInputFiles(sample('openr.json'));
  await expect(arbor.nodes()).toHaveCount(5);
  const before = await arbor.state();

  const broken = JSON.parse(sample('rstar-math.json').buffer.toString('utf8'));
  broken['0.1'].value = 7;
  await arbor.importFile.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not import the run file');
  await expect(alert).toContainText('closest is rStar-Math: 0.1.value');
  expect(await arbor.state()).toEqual(before);
  await expect(page.getByRole('note', { name: 'Imported run' })).toContainText('OpenR');
});

test("rStar-Math's own output (JSON lines) lists its questions and opens the one chosen", async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  const path = new URL('../public/samples/rstar-math-output.jsonl', import.meta.url);
  await arbor.importFile.setInputFiles({
    name: 'rstar-math-output.jsonl',
    mimeType: 'application/jsonl',
    buffer: readFileSync(path),
  });
  const chooser = page.getByRole('region', { name: 'Choose a question to open' });
  await expect(chooser).toContainText('holds 2 questions');
  await expect(chooser.getByRole('button')).toHaveCount(3); // two questions and Cancel
  await expect(chooser.getByRole('button').nth(1)).toContainText('5 nodes');
  await chooser.getByRole('button', { name: /Tom has 3 boxes/ }).click();
  await expect(chooser).toHaveCount(0);
  await expect(arbor.nodes()).toHaveCount(5);
  expect((await arbor.state()).rootN).toBe(3);
  const summary = page.getByRole('region', { name: 'Run summary' });
  await expect(summary).toContainText('Tom has 3 boxes of 4 pens');
  await expect(page.getByRole('note', { name: 'Imported run' })).toContainText(
    "against the record's reference answer",
  );
});

/** Issue 15: ends a file marks but does not judge are shown as such, neither ✓ nor ✗. */
for (const { file, id, answer } of [
  { file: 'openr.json', id: 3, answer: '72' },
  { file: 'rstar-math.json', id: 5, answer: '4' },
] as const) {
  test(`the ends of an imported ${file} say "correctness unknown"`, async ({ arbor, page }) => {
    await arbor.goto();
    await arbor.importFile.setInputFiles(sample(file));
    const end = page.getByRole('img', { name: /^Search tree/ }).locator(`g[data-node-id="${id}"]`);
    await expect(end).toHaveAttribute('data-outcome', 'unknown');
    await expect(end).toContainText(`? ${answer}`);
    await expect(end).not.toContainText('✓');
    await expect(end).not.toContainText('✗');
    await expect(page.getByLabel('Tree legend')).toContainText('correctness unknown');
    await expect(arbor.summaryValue('Best answer so far')).toContainText('correctness unknown');
    // The terminal event of that node, narrated.
    const index = await page.evaluate((node) => {
      const run = window.arbor.exportRun() as { events: { type: string; node?: number }[] };
      return run.events.findIndex((e) => e.type === 'terminal' && e.node === node);
    }, id);
    expect(index).toBeGreaterThan(0);
    await page.evaluate((n) => window.arbor.seek(n), index + 1);
    await expect(page.getByRole('region', { name: 'Narration' })).toContainText(
      `with the answer ${answer}; the file does not say whether it is right (correctness unknown)`,
    );
  });
}
