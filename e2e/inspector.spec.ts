import type { SelectEvent, TraceEvent } from '../src/core/tree/events';
import { reduce } from '../src/core/tree/reduce';
import { q } from '../src/core/tree/tree';
import { fixed } from '../src/components/inspector/tips';
import { expect, test } from './fixtures-inspector';

const MCTS_RUN = {
  problemId: 'g24-001',
  seed: 1,
  search: { algorithm: 'mcts', rule: 'uct', c: Math.SQRT2, valueMode: 'prm', iterations: 8 },
  engine: { judge: 'simulated-prm', prmNoise: 0.2, skill: 0.7, slipRate: 0.05 },
} as const;

test('the inspector starts empty', async ({ arbor }) => {
  await arbor.goto();
  await expect(arbor.inspector).toContainText('Click a node in the tree to inspect it.');
});

test('the UCB table shows the numbers of the latest select event', async ({ arbor }) => {
  await arbor.goto();
  await arbor.configure(MCTS_RUN);
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  // The last selection at the root whose children had all been visited.
  const index = file.events.findLastIndex(
    (e) => e.type === 'select' && e.levels[0]?.candidates.every((c) => c.N > 0) === true,
  );
  const select = file.events[index] as SelectEvent;
  const level = select.levels[0]!;
  const loser = level.candidates.find((c) => c.id !== level.winner)!;

  // Stand on the select event itself, then after its backprop: N and W have changed since,
  // but the table keeps the numbers the choice was made with.
  const backprop = file.events.findIndex(
    (e, i) => i > index && e.type === 'backprop' && e.iteration === select.iteration,
  );
  for (const cursor of [index + 1, backprop + 1]) {
    await arbor.seek(cursor);
    await arbor.inspect(loser.id);
    await expect(arbor.inspector.getByTestId('ucb-source')).toContainText(
      `At iteration ${select.iteration} (event ${index + 1})`,
    );
    await expect(arbor.inspector.getByTestId('ucb-formula')).toHaveText(
      'UCB(s) = W(s)/N(s) + c · sqrt(ln N(parent) / N(s)) (unvisited = +∞)',
    );
    await expect(arbor.inspector).toContainText(`c = ${fixed(select.c)}`);
    await expect(arbor.inspector).toContainText(`N(parent) = ${level.parentN}`);
    for (const c of level.candidates) {
      const cells = arbor.ucbRow(c.id).getByRole('cell');
      await expect(cells).toHaveText([
        String(c.N),
        fixed(c.exploit),
        fixed(c.explore),
        fixed(c.total),
      ]);
    }
    await expect(arbor.ucbRow(level.winner)).toContainText('★');
    await expect(arbor.ucbRow(loser.id)).not.toContainText('★');
    await expect(arbor.ucbRow(loser.id)).toHaveAttribute('aria-current', 'true');
    await expect(arbor.inspector.getByTestId('ucb-decided')).toContainText(
      `Decided by ${level.decidedBy}`,
    );
  }

  // The numbers panel: the node's N, W and Q after the backprop, as the reducer gives them.
  const node = reduce(file.events, backprop + 1).nodes[loser.id]!;
  await expect(arbor.inspector.getByTitle(/^N\(s\): visits/).locator('dd')).toHaveText(
    String(node.N),
  );
  await expect(arbor.inspector.getByTitle(/^W\(s\): the sum/).locator('dd')).toHaveText(
    fixed(node.W),
  );
  await expect(arbor.inspector.getByTitle(/^Q = W \/ N: the mean value/).locator('dd')).toHaveText(
    fixed(q(node)),
  );
});

test('a path entry selects that node; the root has no siblings; beam search says why it kept a node', async ({
  arbor,
}) => {
  await arbor.goto();
  await arbor.configure(MCTS_RUN);
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  const deep = file.events.findLast(
    (e): e is SelectEvent => e.type === 'select' && e.path.length >= 3,
  )!;
  const leaf = deep.path[deep.path.length - 1]!;
  await arbor.inspect(leaf);
  const path = arbor.inspector.getByRole('navigation', { name: 'Path from the root' });
  await expect(path.getByRole('button')).toHaveCount(deep.path.length);
  // Each step of the path reads with its PRM score and Q (the first step is visited: N ≥ 1).
  await expect(path.getByRole('listitem').nth(1)).toContainText(/PRM \d\.\d\d · Q -?\d\.\d\d/);
  await path.getByRole('button').nth(1).click();
  await expect(arbor.inspector.getByText(`node ${deep.path[1]}`, { exact: true })).toBeVisible();
  await path.getByRole('button', { name: 'root' }).click();
  await expect(arbor.inspector).toContainText('The root has no siblings');
  await expect(arbor.inspector.getByTestId('inspector-step-text')).toContainText('make 24');

  await arbor.configure({ search: { algorithm: 'beam' } });
  await arbor.runToEnd();
  await arbor.inspect(1);
  // Beam search is shown as itself: why the node was kept or pruned, no UCB table, no N or Q.
  await expect(arbor.inspector.getByTestId('beam-why')).toHaveText(/^(kept|dropped): /);
  await expect(arbor.inspector.getByTestId('ucb-source')).toHaveCount(0);
  await expect(arbor.inspector.getByRole('term').filter({ hasText: /^N$/ })).toHaveCount(0);
  await expect(arbor.inspector).toContainText('Judge');
});

test('step text full of HTML is shown literally in the inspector and the narration', async ({
  arbor,
  page,
}) => {
  const PAYLOAD = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await arbor.goto();
  await arbor.configure({ ...MCTS_RUN, search: { ...MCTS_RUN.search, iterations: 4 } });
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  const events: TraceEvent[] = file.events.map((e) =>
    e.type === 'expand' ? { ...e, children: e.children.map((c) => ({ ...c, text: PAYLOAD })) } : e,
  );
  expect(await arbor.importRun({ ...file, events })).toEqual({ ok: true });

  const expandAt = events.findIndex((e) => e.type === 'expand');
  await arbor.seek(expandAt + 1);
  await expect(arbor.narration).toContainText(`'${PAYLOAD}'`);
  await arbor.inspect(1);
  await expect(arbor.inspector.getByTestId('inspector-step-text')).toHaveText(PAYLOAD);
  await expect(arbor.ucbRow(1)).toContainText('<img src=x');

  await page.waitForTimeout(300);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});
