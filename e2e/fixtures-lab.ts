import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { ArborLabState } from '../src/app/testHook';
import type { GridSpec } from '../src/lab/types';
import { test as base } from './fixtures';

/**
 * The page object of the effort lab: its tab, the setup form, the progress, the plot and its
 * points, the runs behind a point, the per-problem table, the comparison and the exports —
 * accessible locators for what a user sees, and typed wrappers of `window.arbor.lab`.
 */
export class LabPage {
  readonly tab: Locator;
  readonly visualizerTab: Locator;
  readonly setup: Locator;
  readonly runCount: Locator;
  readonly start: Locator;
  readonly progress: Locator;
  readonly status: Locator;
  readonly plot: Locator;
  readonly pointRuns: Locator;
  readonly table: Locator;
  readonly compare: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Effort lab' });
    this.visualizerTab = page.getByRole('tab', { name: 'Visualizer' });
    this.setup = page.getByRole('form', { name: 'Lab setup' });
    this.runCount = page.getByTestId('lab-run-count');
    this.start = this.setup.getByRole('button', { name: /^Start/ });
    this.progress = page.getByRole('region', { name: 'Lab progress' });
    this.status = page.getByTestId('lab-status');
    this.plot = page.getByRole('group', { name: /^Accuracy against (tokens|model calls)/ });
    this.pointRuns = page.getByRole('region', { name: 'Runs behind the point' });
    this.table = page.getByRole('table', { name: 'Solved per problem and budget' });
    this.compare = page.getByRole('region', { name: 'Compare two runs' });
  }

  /** Opens the app and switches to the lab by its tab. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.waitForFunction(() => typeof window.arbor?.lab?.start === 'function');
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
  }

  /** A labelled field of the setup form (exact label). */
  field(label: string): Locator {
    return this.setup.getByLabel(label, { exact: true });
  }

  /** The plot's points (focusable buttons). */
  points(): Locator {
    return this.plot.locator('[data-point]');
  }

  /** Merges `patch` into the draft and starts it through the test API; returns its problems. */
  startWith(patch: Partial<GridSpec>): Promise<string[]> {
    return this.page.evaluate((p) => window.arbor.lab.start(p), patch);
  }

  state(): Promise<ArborLabState> {
    return this.page.evaluate(() => window.arbor.lab.state());
  }

  cells(): Promise<{ id: string; status: string | null }[]> {
    return this.page.evaluate(() => window.arbor.lab.cells());
  }

  /** Waits until the grid has ended (done, cancelled or failed). */
  async finished(timeout = 60_000): Promise<ArborLabState> {
    await expect
      .poll(async () => (await this.state()).status, { timeout })
      .toMatch(/done|cancelled|failed/);
    return this.state();
  }

  /** Clicks a button that downloads a file; returns the file's name and bytes. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }
}

/** `test` with the shared `arbor` page object and a `lab` page object. */
export const test = base.extend<{ lab: LabPage }>({
  lab: async ({ page }, provide) => {
    await provide(new LabPage(page));
  },
});

export { expect };
