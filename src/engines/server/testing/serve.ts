/**
 * The test server from the command line, for benchmarks and trying the engine by hand:
 * `npx tsx src/engines/server/testing/serve.ts --family vllm --port 8000 --latency 200`
 * (also `--first-token MS`, `--token MS`, `--no-cors`, `--cache-report`, `--api-key KEY`).
 * It listens on 127.0.0.1 only. Its text is the simulated engine's: it is not a model.
 */
import type { ServerFamily } from '../families';
import { SERVER_FAMILIES } from '../families';
import { startTestServer } from './testServer';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const family = (arg('family') ?? 'vllm') as ServerFamily;
if (!SERVER_FAMILIES.includes(family)) {
  console.error(`--family must be one of ${SERVER_FAMILIES.join(', ')}`);
  process.exit(2);
}
const num = (name: string): number => Number(arg(name) ?? 0);
const apiKey = arg('api-key');
const server = await startTestServer({
  family,
  port: num('port'),
  latencyMs: num('latency'),
  firstTokenMs: num('first-token'),
  tokenMs: num('token'),
  cors: !flag('no-cors'),
  cacheReport: flag('cache-report'),
  ...(apiKey ? { apiKey } : {}),
});
console.warn(`Arbor test server (${family}, simulated text) at ${server.url} — Ctrl+C stops it`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
