import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { TraceEvent } from '../src/core/tree/events';
import { test as base } from './fixtures';

/** A zoom transform as the view reports it (screen = layout · k + (x, y)). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * The page object of the tree view: its drawing (SVG or canvas), its overlay, the ARIA tree
 * the keyboard drives, the tooltip, the toolbar and the exports. Screen positions come from
 * what a user sees (a node's bounding box, or the reported transform for the canvas).
 */
export class TreePage {
  /** The drawing: an SVG or a canvas named "Search tree: …". */
  readonly drawing: Locator;
  /** The element that pans and zooms, with `data-mode` and `data-transform`. */
  readonly viewport: Locator;
  readonly overlay: Locator;
  /** The focusable ARIA tree over the drawing. */
  readonly tree: Locator;
  readonly tooltip: Locator;
  readonly toolbar: Locator;

  constructor(readonly page: Page) {
    this.drawing = page.getByRole('img', { name: /^Search tree/ });
    this.viewport = page.locator('[data-mode][data-transform]');
    this.overlay = page.locator('svg[data-layer="overlay"]');
    this.tree = page.getByRole('tree', { name: /^Search tree/ });
    this.tooltip = page.getByRole('tooltip');
    this.toolbar = page.getByRole('toolbar', { name: 'Tree view' });
  }

  /** Drawn nodes (SVG mode). */
  nodes(): Locator {
    return this.drawing.locator('g[data-node-id]');
  }

  /** One drawn node (SVG mode). */
  node(id: number): Locator {
    return this.drawing.locator(`g[data-node-id="${id}"]`);
  }

  /** The ring around the selected node (both modes). */
  selectedRing(): Locator {
    return this.overlay.locator('[data-ring="selected"]');
  }

  /** The tree item of the keyboard focus (the only one in the DOM). */
  focusedItem(): Locator {
    return this.tree.getByRole('treeitem');
  }

  button(name: 'Fit' | 'Follow' | 'Expand all' | 'Export SVG' | 'Export PNG'): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** 'svg' or 'canvas'. */
  async mode(): Promise<string | null> {
    return this.viewport.getAttribute('data-mode');
  }

  async transform(): Promise<ViewTransform> {
    const [k, x, y] = ((await this.viewport.getAttribute('data-transform')) ?? '')
      .split(',')
      .map(Number);
    return { k: k ?? NaN, x: x ?? NaN, y: y ?? NaN };
  }

  /** The screen point of a layout point, from the reported transform. */
  async screenPoint(layout: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const box = await this.viewport.boundingBox();
    const t = await this.transform();
    if (!box) throw new Error('the tree is not on screen');
    return { x: box.x + t.x + layout.x * t.k, y: box.y + t.y + layout.y * t.k };
  }

  /**
   * The centre of a locator's box on screen, once it has stopped moving: nodes glide to a new
   * layout for 0.4 s after a fold or an expansion (tree.css), and a point read mid-glide misses.
   */
  async centre(locator: Locator): Promise<{ x: number; y: number }> {
    let last = '';
    for (let i = 0; i < 40; i++) {
      const box = await locator.boundingBox();
      if (!box) throw new Error('not on screen');
      const now = [box.x, box.y, box.width, box.height].map((v) => v.toFixed(1)).join(',');
      if (now === last) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      last = now;
      await this.page.waitForTimeout(80);
    }
    throw new Error('the element kept moving for 3 s');
  }

  /** A node's card box (SVG mode). */
  card(id: number): Locator {
    return this.node(id).locator('rect[data-card="box"]');
  }

  /**
   * The centre of a node's card on screen, dragging the view first when the card is outside
   * it (cards are wide: a followed tree shows only part of itself). A drag stops Follow.
   */
  async cardCentre(id: number): Promise<{ x: number; y: number }> {
    return this.revealCentre(this.card(id));
  }

  /** The centre of `locator` on screen, dragging the view first when it is outside it. */
  async revealCentre(locator: Locator): Promise<{ x: number; y: number }> {
    const at = await this.centre(locator);
    const view = await this.viewport.boundingBox();
    if (!view) throw new Error('the tree is not on screen');
    const inside = (p: { x: number; y: number }) =>
      p.x > view.x + 20 &&
      p.x < view.x + view.width - 20 &&
      p.y > view.y + 40 &&
      p.y < view.y + view.height - 20;
    if (inside(at)) return at;
    // Drag from an empty corner-ish point by the distance to the viewport's centre.
    const from = { x: view.x + view.width / 2, y: view.y + view.height - 8 };
    const dx = view.x + view.width / 2 - at.x;
    const dy = view.y + view.height / 2 - at.y;
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 });
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
    await this.page.mouse.up();
    return this.centre(locator);
  }

  /** Moves the pointer to a node's card (SVG mode). */
  async hover(id: number): Promise<void> {
    const { x, y } = await this.cardCentre(id);
    await this.page.mouse.move(x, y);
  }

  /** Clicks a node's card (SVG mode). */
  async click(id: number): Promise<void> {
    const { x, y } = await this.cardCentre(id);
    await this.page.mouse.click(x, y);
  }

  /** Waits for the view to stop moving (follow and fit glide): the same transform for 0.6 s. */
  async settle(): Promise<void> {
    let last = '';
    let stable = 0;
    for (let i = 0; i < 50 && stable < 3; i++) {
      await this.page.waitForTimeout(200);
      const now = (await this.viewport.getAttribute('data-transform')) ?? '';
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
    expect(stable, 'the tree view kept moving').toBe(3);
  }

  /** Clicks an export button and returns the downloaded file's bytes. */
  async export(kind: 'SVG' | 'PNG'): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(`Export ${kind}`).click(),
    ]);
    const path = await download.path();
    return readFile(path);
  }

  /** Moves the cursor to just after the first event that `pick` accepts; returns its index. */
  async seekTo(pick: (e: TraceEvent) => boolean): Promise<number> {
    const file = await this.page.evaluate(() => window.arbor.exportRun());
    const index = file.events.findIndex(pick);
    if (index < 0) throw new Error('no such event in the run');
    await this.page.evaluate((i) => window.arbor.seek(i + 1), index);
    return index;
  }
}

/** `test` with the shared `arbor` page object and a `tree` page object. */
export const test = base.extend<{ tree: TreePage }>({
  tree: async ({ page }, provide) => {
    await provide(new TreePage(page));
  },
});

export { expect };
