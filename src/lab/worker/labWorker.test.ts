import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The value imports of a source file (static and dynamic; `import type` carries no code). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
    out.push(m[1] ?? '');
  }
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) out.push(m[1] ?? '');
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Every module the worker's bundle pulls in: source files (relative to src) and packages. */
function graph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of imports(file)) {
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (target.endsWith('.ts')) visit(target);
      } else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => f.slice(SRC.length + 1)), packages: [...packages] };
}

describe('the lab worker bundle', () => {
  it('pulls in neither React, the store, nor web-llm’s library', () => {
    const { files, packages } = graph(resolve(SRC, 'lab/worker/labWorker.ts'));
    expect(files).toContain('lab/runCell.ts');
    expect(files).toContain('engines/simulated/index.ts');
    expect(files.filter((f) => /^(store|components|app)\//.test(f) || f.endsWith('.tsx'))).toEqual(
      [],
    );
    expect(
      packages.filter((p) => /^(react|react-dom|zustand|@mlc-ai\/web-llm)(\/|$)/.test(p)),
    ).toEqual([]);
  });
});
