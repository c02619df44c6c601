/**
 * `npm run check:size` (part of `npm test`, after the e2e build): fails when the JavaScript
 * the page fetches before its first paint, gzipped, is over the budget (scripts/firstPaint.ts
 * says what counts). The budget is issue 14's 170 KiB (the build makes 168.0 KiB).
 *
 *   npx vite build --outDir dist && npx tsx scripts/checkFirstPaint.ts dist
 */
import { builtFiles, firstPaintScriptBytes } from './firstPaint';

/** The most gzipped JavaScript the first paint may fetch, in KiB. */
const FIRST_PAINT_BUDGET_KIB = 170;

const dir = process.argv[2] ?? process.env.E2E_DIST ?? 'dist';
const files = builtFiles(dir);
const kib = firstPaintScriptBytes(files) / 1024;
const list = files
  .filter((f) => f.first && f.name.endsWith('.js'))
  .map((f) => `  ${f.name.padEnd(36)} gzip ${(f.gzip / 1024).toFixed(1)} KiB`)
  .join('\n');
if (kib > FIRST_PAINT_BUDGET_KIB) {
  console.error(
    `First paint of ${dir}: ${kib.toFixed(1)} KiB of gzipped JavaScript, over the budget of ${FIRST_PAINT_BUDGET_KIB} KiB:\n${list}\nLoad what the first screen does not show with import() or React.lazy (src/components/lazy/panels.tsx).`,
  );
  process.exit(1);
}
console.log(
  `First paint of ${dir}: ${kib.toFixed(1)} KiB of gzipped JavaScript (budget ${FIRST_PAINT_BUDGET_KIB} KiB).`,
);
