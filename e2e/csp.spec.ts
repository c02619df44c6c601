import type { Page } from '@playwright/test';
import type { TraceEvent } from '../src/core/tree/events';
import { serveFakeModel, test as modelTest } from './fixtures-model';
import { expect, test } from './fixtures-tree';

/**
 * The production build's Content-Security-Policy (vite.config.ts): it is there, the app
 * runs under it without a single violation, markup in an imported file runs nothing, and
 * the policy is live (an injected inline script is blocked).
 */

interface Watched {
  __violations: string[];
  __pwned?: number;
  __inlineRan?: number;
}

/** Records CSP violations (from the first script on) and console errors. */
async function watch(
  page: Page,
): Promise<{ violations: () => Promise<string[]>; errors: string[] }> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI} ${e.sample}`);
    });
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    violations: () => page.evaluate(() => (window as unknown as Watched).__violations),
    errors,
  };
}

/** The policy's directives and their sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

test('the built page carries the policy, before any script or stylesheet', async ({
  arbor,
  page,
}) => {
  await arbor.goto();
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveCount(1);
  const policy = directives((await meta.getAttribute('content')) ?? '');
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  expect(policy.get('connect-src')).toEqual(
    expect.arrayContaining([
      "'self'",
      'https://huggingface.co',
      'https://*.hf.co',
      'https://raw.githubusercontent.com',
    ]),
  );
  // A meta policy governs only what comes after it.
  const order = await page.evaluate(() =>
    [...document.head.children].map((e) => e.getAttribute('http-equiv') ?? e.tagName),
  );
  const at = order.indexOf('Content-Security-Policy');
  expect(at).toBeGreaterThanOrEqual(0);
  expect(order.slice(0, at)).not.toContain('SCRIPT');
  expect(order.slice(0, at)).not.toContain('LINK');
});

test('the app loads, plays and exports with no violation or console error', async ({
  arbor,
  tree,
  page,
}) => {
  const watched = await watch(page);
  await arbor.goto();
  await arbor.configure({ search: { algorithm: 'mcts', iterations: 8 }, seed: 2 });
  await arbor.button('Step').click();
  await arbor.button('Play').click();
  await arbor.button('Run to end').click();
  await expect(arbor.summaryValue('Status')).toHaveText('Done');
  await tree.hover(0);
  await expect(tree.tooltip).toBeVisible();

  const svg = await tree.export('SVG');
  expect(svg.toString('utf8')).toContain('<svg');
  const png = await tree.export('PNG');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export run' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);

  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
});

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<a href="javascript:window.__pwned = 3">click me</a>',
  'javascript:window.__pwned = 4',
];

test('markup in an imported run file is shown as text and runs nothing', async ({
  arbor,
  tree,
  page,
}) => {
  const watched = await watch(page);
  await arbor.goto();
  await arbor.configure({ search: { algorithm: 'mcts', iterations: 6 } });
  await arbor.runToEnd();
  const file = await arbor.exportRun();
  let k = 0;
  const events: TraceEvent[] = file.events.map((e) => {
    if (e.type === 'start') return { ...e, rootText: PAYLOADS[0] ?? '' };
    if (e.type === 'expand')
      return { ...e, children: e.children.map((c) => ({ ...c, text: PAYLOADS[++k % 4] ?? '' })) };
    return e;
  });
  const hostile = { ...file, events, name: PAYLOADS[1] };
  // Through the file input, as a user would.
  await arbor.importFile.setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostile)),
  });
  // The answer line in the summary, the tooltip of every node: the text, literally.
  await expect(arbor.summary.getByText(PAYLOADS[2] ?? '', { exact: true }).first()).toBeVisible();
  for (const id of [0, 1, 2, 3]) {
    await tree.hover(id);
    await expect(tree.tooltip.locator('p').first()).toHaveText(PAYLOADS[id % 4] ?? '');
  }
  await tree.click(3);
  await page.waitForTimeout(300);

  const page$ = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    images: document.querySelectorAll('img').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    pwned: (window as unknown as Watched).__pwned,
  }));
  expect(page$).toEqual({ scripts: 0, images: 0, jsLinks: 0, pwned: undefined });
  // Not even an attempt the policy had to stop: nothing was parsed as markup.
  expect(await watched.violations()).toEqual([]);
});

test('the policy is live: an inline script, an inline handler and eval are blocked', async ({
  arbor,
  page,
}) => {
  const watched = await watch(page);
  await arbor.goto();
  const result = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = 1';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__pwned = 1');
    const failed = new Promise((resolve) => img.addEventListener('error', resolve));
    img.src = 'data:,not an image';
    document.body.append(img);
    await failed;
    let evalResult = 'ran';
    try {
      (0, eval)('1');
    } catch (error) {
      evalResult = (error as Error).name;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const w = window as unknown as Watched;
    return { inline: w.__inlineRan, handler: w.__pwned, eval: evalResult };
  });
  expect(result).toEqual({ inline: undefined, handler: undefined, eval: 'EvalError' });
  const violations = await watched.violations();
  expect(violations).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^script-src-elem blocked inline/),
      expect.stringMatching(/^script-src-attr blocked inline/),
      expect.stringMatching(/^script-src blocked eval/),
    ]),
  );
});

modelTest(
  'model files come from Hugging Face (prebuilt) and any https host (custom) with no violation',
  async ({ arbor, page, context }) => {
    modelTest.setTimeout(90_000);
    const watched = await watch(page);
    // A custom model on a host of the user's choosing, served by the test.
    const fake = await serveFakeModel(context, 'https://models.example.org');
    const hf: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).hostname.endsWith('huggingface.co')) hf.push(r.url());
    });
    await arbor.goto();
    await arbor.openPanel();
    // Choosing a prebuilt model reads its size from Hugging Face (unreachable here).
    await arbor.model('SmolLM2 360M Instruct', 'q4f32_1').check();
    const details = arbor.panel.getByRole('group', { name: 'SmolLM2 360M Instruct details' });
    await expect(details).toContainText('unknown (offline)', { timeout: 20_000 });
    expect(hf.length).toBeGreaterThan(0);

    await arbor.fillCustom('tiny-test-q4f32_1', fake.modelUrl, fake.libUrl);
    await arbor.customForm.getByRole('button', { name: 'Check and load' }).click();
    await expect(arbor.modelError).toBeVisible({ timeout: 60_000 });
    // The page checked the config, the worker fetched the library (which does not compile).
    expect(fake.requests).toContain(`${fake.modelUrl}/resolve/main/mlc-chat-config.json`);
    expect(fake.requests).toContain(fake.libUrl);
    expect(await watched.violations()).toEqual([]);
  },
);
