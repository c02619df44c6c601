/**
 * What a production build makes the browser fetch before the first paint: the scripts and
 * stylesheets `index.html` names (its module script, its `modulepreload` links, its
 * stylesheets) and every chunk those scripts import statically, followed to the end. Chunks
 * reached only by `import()` load later and are not counted. Sizes are gzipped at level 9,
 * as a server would send them. Used by `npm run check:size` (the budget) and
 * `npm run bench:bundle` (the report).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the build's `assets/` folder. */
export interface BuiltFile {
  name: string;
  /** Fetched before the first paint. */
  first: boolean;
  raw: number;
  gzip: number;
}

/** The `/assets/…` files `index.html` names in a src or href. */
export function namedByHtml(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1] ?? '');
}

/**
 * The sibling chunks a minified ES module imports statically (`import … from "./x.js"`,
 * `import "./x.js"`, `export … from "./x.js"`); `import("./x.js")` is left out.
 */
export function staticImports(code: string): string[] {
  const found = code.matchAll(
    /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"'/]+\.js)["']/g,
  );
  return [...new Set([...found].map((m) => m[1] ?? ''))];
}

/** Every JavaScript and CSS file of the build in `dir`, marked first paint or on demand. */
export function builtFiles(dir: string): BuiltFile[] {
  const assets = join(dir, 'assets');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build first (npx vite build --outDir ${dir})`);
  }
  const first = new Set<string>();
  const queue = namedByHtml(readFileSync(join(dir, 'index.html'), 'utf8'));
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (first.has(name) || !existsSync(join(assets, name))) continue;
    first.add(name);
    if (name.endsWith('.js'))
      queue.push(...staticImports(readFileSync(join(assets, name), 'utf8')));
  }
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return {
        name,
        first: first.has(name),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      };
    })
    .sort((a, b) => Number(b.first) - Number(a.first) || b.raw - a.raw);
}

/** Gzipped bytes of the JavaScript fetched before the first paint. */
export function firstPaintScriptBytes(files: readonly BuiltFile[]): number {
  return files.filter((f) => f.first && f.name.endsWith('.js')).reduce((s, f) => s + f.gzip, 0);
}
