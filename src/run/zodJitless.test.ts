import { expect, it } from 'vitest';

it("sets zod's jitless flag before zod loads, where zod's config() reads it", async () => {
  await import('./zodJitless');
  const { config } = await import('zod');
  expect(config().jitless).toBe(true);
});
