/**
 * Bundle sizes of a production build (issue 4: web-llm must stay out of the first paint;
 * issue 14: the first paint's budget). Reads the build in the folder given (default
 * `dist-bench`, which `npm run bench:browser` builds): what the page fetches before its first
 * paint (scripts/firstPaint.ts: index.html's scripts, preloads and stylesheets, and every
 * chunk they import statically) and every other chunk, each raw and gzipped (level 9).
 *
 *   npx vite build --outDir dist-bench && npx tsx bench/bundle.ts dist-bench
 */
import { builtFiles, firstPaintScriptBytes } from '../scripts/firstPaint';

function main(): void {
  const dir = process.argv[2] ?? 'dist-bench';
  const rows = builtFiles(dir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`Bundle of ${dir} (first paint = what index.html loads, and what that imports):`);
  for (const r of rows) {
    const when = r.first ? 'first paint' : 'on demand ';
    console.log(`  ${when}  ${r.name.padEnd(32)} ${kb(r.raw).padStart(11)}  gzip ${kb(r.gzip)}`);
  }
  const total = (first: boolean) =>
    rows.filter((r) => r.first === first).reduce((sum, r) => sum + r.gzip, 0);
  const onDemand = total(false);
  const ratio = onDemand > 0 ? ` (${(onDemand / total(true)).toFixed(1)}× the first paint)` : '';
  console.log(
    `  first paint ${kb(total(true))} gzipped (${kb(firstPaintScriptBytes(rows))} of it JavaScript); loaded on demand ${kb(onDemand)} gzipped${ratio}`,
  );
}

main();
