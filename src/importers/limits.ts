import { scanJson } from './jsonScan';

/**
 * What an import may cost: a file past these bounds is refused with a message before any
 * work that grows with it, so a hostile or broken file cannot hang the page (issue 6).
 */

/**
 * Largest file read, in characters of text (about bytes for ASCII JSON). A 100,000-event Arbor
 * run is about 75 MB (every selection carries its candidates' UCB terms), so the bound leaves
 * room for runs that size and a little more.
 */
export const MAX_FILE_CHARS = 150 * 1024 * 1024;
/** The refusal of a file over {@link MAX_FILE_CHARS}. */
export const FILE_TOO_LARGE = `(file): the file is over ${MAX_FILE_CHARS / 1024 / 1024} MB; Arbor reads files up to that size`;
/** Deepest JSON nesting (arrays and objects) and deepest tree accepted. */
export const MAX_DEPTH = 500;
/** Most tree nodes in one import. */
export const MAX_NODES = 200_000;

/**
 * The deepest nesting of `[`/`{` in JSON text, scanning once and skipping strings, or
 * `limit + 1` as soon as it passes `limit`. Runs before `JSON.parse`, so a 10,000-level
 * file is refused without building it and without any recursive walk over it.
 *
 * @example jsonDepth('{"a":[1,{"b":"[["}]}', 500) // 3
 */
export function jsonDepth(text: string, limit: number = MAX_DEPTH): number {
  return scanJson(text, limit).depth;
}
