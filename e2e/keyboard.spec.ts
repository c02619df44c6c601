import { expect, test } from './fixtures-timeline';

test('Home, then → walks one MCTS iteration, the phase strip lighting each phase', async ({
  arbor,
  timeline,
  page,
}) => {
  await arbor.goto();
  // Rollout values: an iteration is exactly select, expand, simulate, backprop (no PRM scores).
  await arbor.configure({ search: { algorithm: 'mcts', valueMode: 'rollout', iterations: 6 } });
  await arbor.runToEnd();
  expect((await timeline.eventTypes()).slice(0, 6)).toEqual([
    'start',
    'select',
    'expand',
    'simulate',
    'backprop',
    'select',
  ]);

  await timeline.focusPage();
  await page.keyboard.press('Home');
  await expect(timeline.slider).toHaveAttribute('aria-valuenow', '0');
  await expect(arbor.treePlaceholder).toBeVisible();
  await expect(timeline.lit()).toHaveCount(0);

  await page.keyboard.press('ArrowRight'); // start: the root, no phase yet
  await expect(arbor.nodes()).toHaveCount(1);
  await expect(timeline.lit()).toHaveCount(0);
  for (const phase of ['Select', 'Expand', 'Simulate', 'Backprop']) {
    await page.keyboard.press('ArrowRight');
    await expect(timeline.lit()).toHaveText(phase);
  }
  expect((await arbor.state()).rootN).toBe(1);
  await expect(timeline.slider).toHaveAttribute(
    'aria-valuetext',
    /^event 5 of \d+, iteration 1, backprop$/,
  );

  // ← goes back one event at a time.
  await page.keyboard.press('ArrowLeft');
  await expect(timeline.lit()).toHaveText('Simulate');
  expect((await arbor.state()).cursor).toBe(4);
});

test('] jumps a whole iteration, [ goes back; a live search is pulled', async ({
  arbor,
  timeline,
  page,
}) => {
  await arbor.goto();
  await arbor.configure({ search: { algorithm: 'mcts', iterations: 8 } });
  expect((await arbor.state()).eventCount).toBe(0);
  await timeline.focusPage();

  for (let k = 1; k <= 3; k++) {
    await page.keyboard.press(']');
    await expect.poll(async () => (await arbor.state()).rootN).toBe(k);
    await expect(timeline.lit()).toHaveText('Backprop');
    await expect(arbor.summaryValue('Root visits N')).toHaveText(String(k));
  }
  const s = await arbor.state();
  expect(s.status).toBe('paused');
  expect(s.cursor).toBeLessThanOrEqual(s.eventCount);
  await expect(page.getByText(/^MCTS iteration 3 of 8$/)).toBeVisible();

  await page.keyboard.press('[');
  await expect.poll(async () => (await arbor.state()).rootN).toBe(2);
  await page.keyboard.press('[');
  await expect.poll(async () => (await arbor.state()).rootN).toBe(1);
  await page.keyboard.press('[');
  await expect.poll(async () => (await arbor.state()).cursor).toBe(0);

  // End runs the live search to its end; Home goes back to the start.
  await page.keyboard.press('End');
  await expect(arbor.summaryValue('Status')).toHaveText('Done');
  expect((await arbor.state()).rootN).toBe(8);
  await page.keyboard.press('Home');
  await expect.poll(async () => (await arbor.state()).cursor).toBe(0);
  await expect(arbor.summaryValue('Status')).toHaveText('Ready');
});

test('beam search lights expand → score → prune and steps by depth', async ({
  arbor,
  timeline,
  page,
}) => {
  await arbor.goto('?algo=beam');
  await arbor.runToEnd();
  await expect(timeline.strip).toHaveAccessibleName('Search stages');
  await timeline.focusPage();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(timeline.lit()).toHaveText('Expand');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(timeline.lit()).toHaveText('Score');
  await page.keyboard.press(']');
  await expect(timeline.lit()).toHaveText('Prune');
  await expect(page.getByText(/^Beam search depth 1 of \d+$/)).toBeVisible();
  await page.keyboard.press(']');
  await expect(page.getByText(/^Beam search depth 2 of \d+$/)).toBeVisible();
});

test('best-of-N lights "sample k of N", then pick at the end', async ({
  arbor,
  timeline,
  page,
}) => {
  await arbor.goto('?algo=best-of-n');
  await arbor.runToEnd();
  await expect(timeline.lit()).toHaveText('Pick');
  await timeline.focusPage();
  await page.keyboard.press('Home');
  await page.keyboard.press(']');
  await expect(timeline.lit()).toHaveText(/^Sample 1 of \d+$/);
  await page.keyboard.press(']');
  await expect(timeline.lit()).toHaveText(/^Sample 2 of \d+$/);
});

test('+ and − change the speed; Space plays and pauses; R resets', async ({
  arbor,
  timeline,
  page,
}) => {
  await arbor.goto();
  await timeline.focusPage();
  await expect(arbor.speed).toHaveValue('10');
  await page.keyboard.press('+');
  await expect(arbor.speed).toHaveValue('20');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(arbor.speed).toHaveValue('5');

  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(timeline.button('Pause')).toBeVisible();
  await page.keyboard.press(' ');
  await expect(timeline.button('Play')).toBeVisible();
  await expect(arbor.summaryValue('Status')).toHaveText('Paused');
  await page.keyboard.press('r');
  await expect(arbor.summaryValue('Status')).toHaveText('Ready');
});

test('? opens the shortcut help, Esc and Close close it, and focus comes back', async ({
  arbor,
  timeline,
  page,
}) => {
  await arbor.goto();
  await timeline.focusPage();
  await page.keyboard.press('?');
  await expect(timeline.help).toBeVisible();
  await expect(timeline.help.getByRole('button', { name: 'Close' })).toBeFocused();
  for (const action of [
    'Previous phase',
    'Next single event',
    'Previous iteration',
    'Faster / slower',
    'Presentation mode on / off (Esc leaves it)',
  ]) {
    await expect(timeline.help.getByText(action, { exact: true })).toBeVisible();
  }
  // Shortcuts do not act behind the dialog.
  const before = (await arbor.state()).cursor;
  await page.keyboard.press('Home');
  expect((await arbor.state()).cursor).toBe(before);
  await page.keyboard.press('Escape');
  await expect(timeline.help).toBeHidden();

  // From the header's button: focus returns to it on Close.
  const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await opener.click();
  await expect(timeline.help).toBeVisible();
  await timeline.help.getByRole('button', { name: 'Close' }).click();
  await expect(timeline.help).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the playback buttons step by event and by iteration and name their shortcuts', async ({
  arbor,
  timeline,
}) => {
  await arbor.goto();
  await expect(timeline.button('Step')).toBeDisabled(); // the run opened finished
  await expect(timeline.button('Next iteration')).toHaveAttribute('title', /\]/);
  await expect(timeline.button('Next phase')).toHaveAttribute('title', /→ or Page Down/);
  await timeline.button('Go to start').click();
  expect((await arbor.state()).cursor).toBe(0);
  await expect(timeline.button('Previous event')).toBeDisabled();
  await timeline.button('Next iteration').click();
  await expect.poll(async () => (await arbor.state()).rootN).toBe(1);
  await timeline.button('Step').click();
  await timeline.button('Previous event').click();
  await expect(timeline.lit()).toHaveText('Backprop');
  await timeline.button('Previous iteration').click();
  await expect.poll(async () => (await arbor.state()).cursor).toBe(0);
  await timeline.button('Run to end').click();
  await expect(arbor.summaryValue('Status')).toHaveText('Done');
});

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the shortcut help fits without scrolling', async ({ arbor, timeline, page }) => {
    await arbor.goto();
    await timeline.focusPage();
    await page.keyboard.press('?');
    await expect(timeline.help).toBeVisible();
    const fits = await timeline.help.evaluate((d) => d.scrollHeight <= d.clientHeight);
    expect(fits).toBe(true);
    await expect(timeline.help.getByText('What a backtrack is')).toBeInViewport();
  });
});
