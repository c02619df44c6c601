/**
 * zod 4 probes `new Function` the first time it builds an object schema, to compile faster
 * parsers; under Arbor's Content-Security-Policy (no 'unsafe-eval') the browser reports that
 * probe as a violation even though zod falls back. Turning the JIT off up front avoids it.
 * main.tsx and the import worker import this module first, before any module builds a schema.
 *
 * It sets the flag where zod keeps its global config (`globalThis.__zod_globalConfig`, which
 * zod 4's core/core.js creates with `??=` and `config()` writes to) rather than calling
 * `config`, so the first paint does not load zod's core just for this; zodJitless.test.ts
 * checks that zod reads it.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
