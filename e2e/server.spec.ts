import type { TestServer } from '../src/engines/server/testing/testServer';
import { startTestServer } from '../src/engines/server/testing/testServer';
import type { ArborPage } from './fixtures';
import { expect, test } from './fixtures';

/**
 * The server engine in Chromium, against the OpenAI-compatible test server the test starts on
 * 127.0.0.1 (and stops): connect through the Server panel, run a search with the server's
 * text, survive the server going away mid-run.
 */

const KEY = 'sk-e2e-secret-0123456789';
let server: TestServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

async function connect(arbor: ArborPage, url: string, key: string): Promise<void> {
  const { page } = arbor;
  await page.getByText('Server', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Connect to a server' });
  await form.getByLabel('Address').fill(url);
  await form.getByLabel('API key (optional)').fill(key);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('server-family')).toContainText('vLLM');
  await form.getByRole('button', { name: 'Use this model for the search' }).click();
  await expect(page.getByText('Qwen/Qwen2.5-7B-Instruct on vLLM').first()).toBeVisible();
}

test('connect to a server, pick its model, and grow a 30-iteration MCTS tree from its text', async ({
  arbor,
  page,
}, testInfo) => {
  server = await startTestServer({ family: 'vllm', apiKey: KEY, cacheReport: true });
  await arbor.goto();
  await connect(arbor, server.url, KEY);
  await arbor.runToEnd();
  const state = await arbor.state();
  expect(state.status).toBe('done');
  expect(state.rootN).toBe(30);
  expect(server.stats.generations).toBeGreaterThan(10);
  await expect(arbor.summaryValue('Prefill cached')).toContainText('as the server reported');
  // The tree's steps are the server's (Game of 24 steps, "a op b = c (left: …)").
  const file = await arbor.exportRun();
  const texts = file.events.flatMap((e) => (e.type === 'expand' ? e.children : []));
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.every((c) => c.text.includes('(left:'))).toBe(true);
  expect(file.server?.model).toBe('Qwen/Qwen2.5-7B-Instruct');
  // The key stays out of the run file, the link and the tab's storage.
  expect(JSON.stringify(file)).not.toContain(KEY);
  // Nor does the server's address (its port alone can occur among the file's numbers).
  expect(JSON.stringify(file)).not.toContain(`127.0.0.1:${String(server.port)}`);
  expect(page.url()).not.toContain(KEY);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain(KEY);
  await testInfo.attach('server run', { body: await page.screenshot(), contentType: 'image/png' });
});

test('the server stops mid-run: the run stops with a named error; back again, Continue finishes the same run', async ({
  arbor,
  page,
}) => {
  server = await startTestServer({ family: 'vllm', latencyMs: 20 });
  const port = server.port;
  await arbor.goto();
  await connect(arbor, server.url, '');
  // The whole run, for comparison.
  await arbor.runToEnd();
  const whole = (await arbor.exportRun()).events;
  await page.locator('body').press('r');

  const running = arbor.runToEnd();
  await expect.poll(async () => (await arbor.state()).eventCount).toBeGreaterThan(20);
  await server.close();
  await running;
  await expect(arbor.summaryValue('Status')).toHaveText('Error');
  await expect(page.getByRole('alert').filter({ hasText: 'The run stopped' })).toContainText(
    /server did not answer.*after event \d+/,
  );
  const kept = (await arbor.exportRun()).events;
  expect(kept.length).toBeGreaterThan(20);
  expect(kept).toEqual(whole.slice(0, kept.length));

  server = await startTestServer({ family: 'vllm', port });
  await page.getByRole('button', { name: 'Continue' }).click();
  await arbor.runToEnd();
  expect((await arbor.state()).status).toBe('done');
  expect((await arbor.exportRun()).events).toEqual(whole);
});
