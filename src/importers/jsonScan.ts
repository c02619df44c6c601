/**
 * One pass over JSON text, before it is parsed: how deep it nests, and where the elements of
 * its top-level `"events"` array lie. The import worker uses both: the depth refuses a
 * hostile file before `JSON.parse` builds it (importers/limits.ts), and the events' places let
 * it hand the page the events' own text in batches while it is still checking the file, so
 * the page parses and replays them at the same time (importers/readInWorker.ts, issue 14).
 */
export interface JsonScan {
  /** Deepest nesting of `[` / `{`, or `limit + 1` as soon as it passes `limit`. */
  depth: number;
  /**
   * Where each element of the top-level object's `"events"` array ends: `events[i]` is the
   * text from `ends[i - 1] + 1` (or `start` for the first) to `ends[i]`, exclusive. Null when
   * the text is not an object with exactly one `"events"` key holding an array, or when the
   * scan stopped at the depth limit.
   */
  events: { start: number; ends: number[] } | null;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** A key's text (quotes included) as the string JSON.parse would make of it. */
function keyOf(literal: string): string | null {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return null; // not JSON: the parse of the whole file says so
  }
}

/**
 * Scans JSON text once, skipping strings (and the characters their backslashes escape).
 * Text that is not JSON gives some answer without throwing; `JSON.parse` then says why it is
 * not JSON, and the events' places are only ever used for a file that parsed.
 *
 * @example scanJson('{"a":[1,{"b":"[["}]}').depth // 3
 * @example scanJson('{"events":[{"x":1},[2,3]]}').events // { start: 11, ends: [18, 24] }
 */
export function scanJson(text: string, limit: number): JsonScan {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  /** Where the last string closed at depth 1 began (a key, if a colon follows). */
  let stringStart = -1;
  let lastString = -1;
  let lastStringEnd = -1;
  let key: string | null = null;
  /** 0: no events array yet; 1: inside it; 2: past it; -1: two of them (ambiguous). */
  let eventsState = 0;
  let start = -1;
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 1) {
          lastString = stringStart;
          lastStringEnd = i + 1;
        }
      }
    } else if (c === QUOTE) {
      inString = true;
      stringStart = i;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && key === 'events') {
        if (c === OPEN_BRACKET && eventsState === 0) {
          eventsState = 1;
          start = i + 1;
        } else eventsState = -1;
      }
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return { depth: limit + 1, events: null };
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2 && eventsState === 1) {
        // The array's end: its last element ends here, unless the array is empty.
        if (text.slice(ends.length > 0 ? (ends[ends.length - 1] as number) + 1 : start, i).trim())
          ends.push(i);
        eventsState = 2;
      }
      depth--;
    } else if (c === COMMA) {
      if (depth === 2 && eventsState === 1) ends.push(i);
      else if (depth === 1) key = null;
    } else if (c === COLON && depth === 1) {
      key = lastStringEnd > lastString ? keyOf(text.slice(lastString, lastStringEnd)) : null;
      if (key === 'events' && eventsState !== 0) eventsState = -1;
    }
  }
  const isObject = text.trimStart().charCodeAt(0) === OPEN_BRACE;
  return {
    depth: deepest,
    events: isObject && eventsState === 2 ? { start, ends } : null,
  };
}

/** The text of events `from` to `to` (exclusive) as one JSON array, from a scan's places. */
export function eventsText(
  text: string,
  places: { start: number; ends: number[] },
  from: number,
  to: number,
): string {
  const begin = from === 0 ? places.start : (places.ends[from - 1] as number) + 1;
  return `[${text.slice(begin, places.ends[to - 1])}]`;
}
