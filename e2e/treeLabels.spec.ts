import type { Page, TestInfo } from '@playwright/test';
import type { TraceEvent } from '../src/core/tree/events';
import type { TreePage } from './fixtures-tree';
import { InspectorPage } from './fixtures-inspector';
import { expect, test } from './fixtures-tree';

/**
 * The tree carries its own words and numbers (issue 10): on first load, at the three screens
 * a class and a researcher use, the cards show their steps and N and Q at a readable size, and
 * no card, label or overlay covers another. Boxes are read from the DOM as a user sees them.
 */

const SCREENS = [
  { name: '1280×720 at 150%', viewport: { width: 853, height: 480 }, scale: 1.5 },
  { name: '1366×768', viewport: { width: 1366, height: 768 }, scale: 1 },
  { name: '1920×1080', viewport: { width: 1920, height: 1080 }, scale: 1 },
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DrawnCard {
  id: number;
  box: Box;
  /** Text boxes inside the card, with their role and words and on-screen font size. */
  texts: { role: string; text: string; box: Box; px: number }[];
}

/** Every drawn card with its text, in screen pixels (CSS). */
async function drawnCards(page: Page): Promise<DrawnCard[]> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return [...document.querySelectorAll('svg[role="img"] g[data-node-id]')].map((g) => {
      const rect = g.querySelector('rect[data-card="box"]');
      const ctm = (g as SVGGraphicsElement).getScreenCTM();
      return {
        id: Number(g.getAttribute('data-node-id')),
        box: rect ? box(rect) : { x: 0, y: 0, width: 0, height: 0 },
        texts: [...g.querySelectorAll('text[data-card]')].map((t) => ({
          role: t.getAttribute('data-card') ?? '',
          text: t.textContent ?? '',
          box: box(t),
          px: Number(t.getAttribute('font-size')) * (ctm?.a ?? 1),
        })),
      };
    });
  });
}

/** Boxes of the overlay's labels (UCB tags and pills), in screen pixels. */
async function overlayBoxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(`svg[data-layer="overlay"] ${selector}`).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

const overlap = (a: Box, b: Box, slack = 0.5) =>
  a.x + slack < b.x + b.width &&
  b.x + slack < a.x + a.width &&
  a.y + slack < b.y + b.height &&
  b.y + slack < a.y + a.height;

const inside = (inner: Box, outer: Box, slack = 1.5) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

/** Asserts that no two cards overlap and every card's text stays inside its own card. */
function expectNoOverlaps(cards: DrawnCard[]): void {
  expect(cards.length).toBeGreaterThan(0);
  const clashes: string[] = [];
  for (let i = 0; i < cards.length; i++) {
    const a = cards[i] as DrawnCard;
    for (const t of a.texts) {
      if (!inside(t.box, a.box))
        clashes.push(`node ${a.id}'s ${t.role} "${t.text}" leaves its card`);
    }
    for (let j = i + 1; j < cards.length; j++) {
      const b = cards[j] as DrawnCard;
      if (overlap(a.box, b.box)) clashes.push(`cards ${a.id} and ${b.id} overlap`);
    }
  }
  expect(clashes).toEqual([]);
}

/** Cards at least partly inside the tree's viewport. */
async function cardsInView(tree: TreePage, cards: DrawnCard[]): Promise<DrawnCard[]> {
  const view = await tree.viewport.boundingBox();
  if (!view) throw new Error('the tree is not on screen');
  return cards.filter((c) => inside(c.box, view, 0));
}

async function attach(tree: TreePage, info: TestInfo, name: string): Promise<void> {
  const body = await tree.viewport.locator('xpath=ancestor::figure[1]').screenshot();
  await info.attach(name, { body, contentType: 'image/png' });
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.scale });

    test('step texts and N/Q are on the cards on first load, readable, and nothing overlaps', async ({
      arbor,
      tree,
      page,
    }) => {
      await arbor.goto();
      await page.waitForFunction(() => window.arbor.state().status === 'done');
      await tree.settle();
      expect(await tree.mode()).toBe('svg');
      const cards = await drawnCards(page);
      expectNoOverlaps(cards);
      const seen = await cardsInView(tree, cards);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      for (const card of seen) {
        const title = card.texts.find((t) => t.role === 'title');
        const numbers = card.texts.find((t) => t.role === 'numbers');
        expect(title?.text, `node ${card.id}'s step`).toMatch(
          card.id === 0 ? /^\d+ \d+ \d+ \d+$/ : /^-?[\d/]+ [+−×÷] -?[\d/]+ = -?[\d/]+$/,
        );
        expect(numbers?.text).toMatch(/^N \d+ · Q −?\d\.\d\d$/);
        // Readable from the back of a room: at least 12 CSS px for the step, 10 for the numbers.
        expect(title?.px ?? 0).toBeGreaterThanOrEqual(12);
        expect(numbers?.px ?? 0).toBeGreaterThanOrEqual(10.5);
      }
      // The answer's card says it was solved.
      await expect(
        tree.drawing.locator('[data-outcome="solved"] text[data-card="outcome"]').first(),
      ).toHaveText(/^✓ 24$/);
      await attach(tree, test.info(), `${screen.name}: first load`);

      // A selection: each candidate's UCB with its numbers, none covering another or a card.
      await tree.seekTo((e: TraceEvent) => e.type === 'select' && e.levels.length >= 2);
      await tree.settle();
      const tags = await overlayBoxes(page, '[data-ucb] rect');
      expect(tags.length).toBeGreaterThanOrEqual(3);
      await expect(tree.overlay.locator('[data-ucb] text').first()).toHaveText(
        /^(−?\d\.\d\d \+ \d\.\d\d · √\(ln \d+ \/ \d+\)|N = 0)$/,
      );
      const after = await drawnCards(page);
      const clashes: string[] = [];
      tags.forEach((t, i) => {
        tags.slice(i + 1).forEach((u) => overlap(t, u) && clashes.push('two UCB labels overlap'));
        after.forEach((c) => overlap(t, c.box) && clashes.push(`a UCB label covers card ${c.id}`));
      });
      expect(clashes).toEqual([]);
      await attach(tree, test.info(), `${screen.name}: a selection with UCB plugged in`);

      // A backprop writes N and Q before → after inside the path's own cards.
      await tree.seekTo((e: TraceEvent) => e.type === 'backprop' && e.updates.length >= 3);
      await tree.settle();
      const stops = await tree.overlay.locator('[data-backprop]').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return {
            id: Number(el.getAttribute('data-backprop')),
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
          };
        }),
      );
      const now = await drawnCards(page);
      expect(stops.length).toBeGreaterThanOrEqual(3);
      for (const s of stops) {
        const own = now.find((c) => c.id === s.id);
        expect(own && inside(s, own.box), `backprop label of node ${s.id} stays on its card`).toBe(
          true,
        );
      }
      await expect(tree.overlay.locator('[data-backprop] text').first()).toHaveText(
        /^N \d+ → \d+$/,
      );
      await attach(tree, test.info(), `${screen.name}: backprop, N and Q before → after`);
    });

    test('a 200-iteration run with five children per expansion has no overlapping cards', async ({
      arbor,
      tree,
      page,
    }) => {
      await arbor.goto();
      await arbor.configure({
        search: { algorithm: 'mcts', iterations: 200, childrenPerExpansion: 5 },
      });
      await arbor.runToEnd();
      await tree.settle();
      const { nodeCount } = await arbor.state();
      expect(nodeCount).toBeGreaterThan(60);
      expect(await tree.mode()).toBe('svg');
      expectNoOverlaps(await drawnCards(page));
      await attach(tree, test.info(), `${screen.name}: 200 iterations, following`);
      await tree.button('Fit').click();
      await tree.settle();
      expectNoOverlaps(await drawnCards(page));
      await attach(
        tree,
        test.info(),
        `${screen.name}: 200 iterations, fitted (short forms or marks)`,
      );
    });
  });
}

test('a pruned beam node shows its aggregated score against the kept ones, not N, Q or UCB', async ({
  arbor: base,
  tree,
  page,
}) => {
  const arbor = new InspectorPage(page);
  await base.goto();
  await arbor.configure({ search: { algorithm: 'beam' } });
  await arbor.runToEnd();
  await tree.settle();
  const file = await arbor.exportRun();
  const prune = file.events.find(
    (e): e is Extract<TraceEvent, { type: 'prune' }> => e.type === 'prune' && e.dropped.length > 0,
  );
  if (!prune) throw new Error('the beam pruned nothing');
  const dropped = prune.dropped[0];
  if (!dropped) throw new Error('no dropped node');
  await arbor.inspect(dropped.id);
  await expect(arbor.inspector.getByTestId('beam-score')).toHaveText(dropped.score.toFixed(2));
  const kept = [...prune.kept].map((k) => k.score).sort((a, b) => b - a);
  await expect(arbor.inspector.getByTestId('beam-kept')).toHaveText(
    kept.map((s) => s.toFixed(2)).join(', '),
  );
  await expect(arbor.inspector.getByTestId('beam-why')).toContainText(/^dropped: /);
  await expect(arbor.inspector.getByTestId('ucb-source')).toHaveCount(0);
  await expect(arbor.inspector).not.toContainText('∞');
  // On the tree the card is faded and says it was pruned, with its PRM score, not N 0 / Q 0.
  const card = tree.node(dropped.id);
  await expect(card).toHaveAttribute('data-pruned', 'true');
  await expect(card.locator('text[data-card="numbers"]')).toHaveText(/^PRM \d\.\d\d$/);
  await expect(card.locator('text[data-card="score"]')).toHaveText('pruned');
  await attach(tree, test.info(), 'beam search: a pruned node and its verdict');
});

test('the exported SVG carries the step labels, the numbers and a title line', async ({
  arbor,
  tree,
  page,
}) => {
  await arbor.goto();
  await page.waitForFunction(() => window.arbor.state().status === 'done');
  await tree.settle();
  const svg = (await tree.export('SVG')).toString('utf8');
  expect(svg).toMatch(/<text[^>]*>4 6 8 8 · MCTS · event \d+ of \d+: done, iteration 30<\/text>/);
  // Every card's step and numbers; the answer's step among them.
  const titles = [...svg.matchAll(/data-card="title"[^>]*>([^<]*)</g)].map((m) => m[1]);
  const { nodeCount } = await arbor.state();
  expect(titles).toHaveLength(nodeCount);
  expect(titles).toContain('4 6 8 8');
  expect(titles).toContain('32 − 8 = 24');
  expect(svg).toMatch(/data-card="numbers"[^>]*>N 30 · Q /);
  expect(svg).toMatch(/data-card="outcome"[^>]*>✓ 24</);
});
