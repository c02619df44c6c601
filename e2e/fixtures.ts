import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { ArborState, ArborTestApi } from '../src/app/testHook';
import type { RunFile } from '../src/run/runFile';
import type { SettingsPatch } from '../src/store';

/**
 * The page object for Arbor's first screen:
 * accessible locators for what a user sees, and typed wrappers of `window.arbor` for set-up
 * and for checks the screen cannot show.
 */
export class ArborPage {
  readonly puzzle: Locator;
  readonly seed: Locator;
  readonly algorithm: Locator;
  readonly speed: Locator;
  readonly summary: Locator;
  readonly tree: Locator;
  readonly treePlaceholder: Locator;
  readonly importFile: Locator;

  constructor(readonly page: Page) {
    this.puzzle = page.getByLabel('Puzzle', { exact: true });
    this.seed = page.getByLabel('Seed', { exact: true });
    this.algorithm = page.getByLabel('Algorithm', { exact: true });
    this.speed = page.getByLabel('Speed', { exact: true });
    this.summary = page.getByRole('region', { name: 'Run summary' });
    this.tree = page.getByRole('img', { name: /^Search tree/ });
    this.treePlaceholder = page.getByText('The search tree grows here');
    this.importFile = page.getByLabel('Import run file');
  }

  /** Opens the app, optionally with a settings query (`?seed=3&…`). */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole('heading', { name: 'Arbor', level: 1 })).toBeVisible();
    await this.page.waitForFunction(() => typeof window.arbor?.state === 'function');
  }

  /** A playback button by its name: Step, Play, Pause, Reset, Run to end. */
  button(name: 'Step' | 'Play' | 'Pause' | 'Reset' | 'Run to end'): Locator {
    return this.page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name });
  }

  /** A labelled settings field (exact label). */
  field(label: string): Locator {
    return this.page.getByRole('form', { name: 'Run settings' }).getByLabel(label, { exact: true });
  }

  /** The value shown in the run summary under `term` (e.g. "Root visits N"). */
  summaryValue(term: string): Locator {
    return this.summary
      .locator('dt')
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** Drawn tree nodes. */
  nodes(): Locator {
    return this.tree.locator('g[data-node-id]');
  }

  // Typed wrappers of the test API.

  configure(settings: SettingsPatch): Promise<void> {
    return this.page.evaluate((s) => window.arbor.configure(s), settings);
  }

  runToEnd(): Promise<void> {
    return this.page.evaluate(() => window.arbor.runToEnd());
  }

  state(): Promise<ArborState> {
    return this.page.evaluate(() => window.arbor.state());
  }

  exportRun(): Promise<RunFile> {
    return this.page.evaluate(() => window.arbor.exportRun());
  }

  importRun(file: unknown): ReturnType<ArborTestApi['importRun']> {
    return this.page.evaluate((f) => window.arbor.importRun(f), file);
  }
}

/** `test` with an `arbor` page object. */
export const test = base.extend<{ arbor: ArborPage }>({
  arbor: async ({ page }, provide) => {
    await provide(new ArborPage(page));
  },
});

export { expect };
