/**
 * zod 4 probes `new Function` the first time it builds an object schema, to compile faster
 * parsers; under Arbor's Content-Security-Policy (no 'unsafe-eval') the browser reports that
 * probe as a violation even though zod falls back. Turning the JIT off up front avoids it.
 * main.tsx and the import worker import this module first, before any module builds a schema.
 */
import { config } from 'zod';

config({ jitless: true });
