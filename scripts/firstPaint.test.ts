import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtFiles, firstPaintScriptBytes, staticImports } from './firstPaint';

describe('staticImports', () => {
  it('finds static imports and re-exports of sibling chunks, not import()', () => {
    const code =
      'import{a as b}from"./vendor-1.js";import"./side-2.js";export{c}from"./re-3.js";' +
      'const l=()=>import("./lazy-4.js");import { d } from "./spaced-5.js";';
    expect(staticImports(code).sort()).toEqual([
      're-3.js',
      'side-2.js',
      'spaced-5.js',
      'vendor-1.js',
    ]);
  });
});

describe('builtFiles', () => {
  it('counts what index.html loads and what it imports statically, not what loads later', () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-paint-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" src="/assets/entry.js"></script><link rel="modulepreload" href="/assets/pre.js"><link rel="stylesheet" href="/assets/page.css">',
    );
    const files: Record<string, string> = {
      'entry.js': 'import{x}from"./shared.js";const p=()=>import("./panel.js");',
      'pre.js': 'export const y=1;',
      'shared.js': 'import"./deep.js";export const x=2;',
      'deep.js': 'console.log(3);',
      'panel.js': 'import{x}from"./shared.js";import"./panelOnly.js";',
      'panelOnly.js': 'export const z=4;',
      'page.css': 'body{margin:0}',
    };
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(dir, 'assets', name), text);
    const built = builtFiles(dir);
    const first = built.filter((f) => f.first).map((f) => f.name);
    expect(first.sort()).toEqual(['deep.js', 'entry.js', 'page.css', 'pre.js', 'shared.js']);
    const gz = (t: string) => gzipSync(Buffer.from(t), { level: 9 }).length;
    const scripts = ['entry.js', 'pre.js', 'shared.js', 'deep.js'];
    expect(firstPaintScriptBytes(built)).toBe(
      scripts.reduce((s, n) => s + gz(files[n] as string), 0),
    );
  });

  it('says to build first when the folder has no index.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-paint-'));
    expect(() => builtFiles(dir)).toThrow(/build first/);
  });
});
