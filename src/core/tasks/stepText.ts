/**
 * Short forms of step text for the tree's node cards: the pieces every task can use (the
 * operators a class reads, an equation found in a sentence, a cut at a word boundary). A
 * task's own `shortStep` (its registry entry) chooses among them; nothing here knows a task.
 */

/**
 * ASCII operators as printed maths writes them: `*` → ×, and `/` → ÷, `-` → − between spaces
 * (so a fraction `1/5` and a negative `-3` stay as they are).
 */
export function prettyOperators(text: string): string {
  return text
    .replace(/\*/g, '×')
    .replace(/\s\/\s/g, ' ÷ ')
    .replace(/\s-\s/g, ' − ');
}

/** Whitespace runs (newlines included) as single spaces, trimmed. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `text` cut to at most `max` characters (code points), at a word boundary when one falls in
 * the last third, with an ellipsis; unchanged when it fits.
 * @example cutText('Leo keeps the stickers he did not give away', 20) // 'Leo keeps the…'
 */
export function cutText(text: string, max: number): string {
  const flat = flatten(text);
  const chars = [...flat];
  const limit = Math.max(1, Math.floor(max));
  if (chars.length <= limit) return flat;
  const head = chars.slice(0, limit - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= (2 * (limit - 1)) / 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.;:]+$/, '')}…`;
}

const EQUATION = /-?\d[\d.,/]*(?:\s*[-+*/×÷−]\s*-?\d[\d.,/]*)+\s*=\s*-?\d[\d.,/]*/;

/**
 * The first arithmetic equation in a sentence (`7 * 6 = 42` in "She packs 7 boxes of 6
 * muffins: 7 * 6 = 42 muffins."), or null when it has none.
 */
export function findEquation(text: string): string | null {
  const m = EQUATION.exec(text);
  return m ? flatten(m[0]) : null;
}

/**
 * The shortest form of a step for a far-out view: what its equation makes (`= 24`), else its
 * first word, at most `max` characters.
 * @example tinyStep('7 − 4 = 3') // '= 3'
 */
export function tinyStep(text: string, max = 8): string {
  const flat = flatten(text);
  const eq = flat.lastIndexOf('=');
  if (eq >= 0) {
    const value =
      flat
        .slice(eq + 1)
        .trim()
        .split(' ')[0] ?? '';
    if (value !== '') return cutText(`= ${value}`, max);
  }
  return cutText(flat.split(' ')[0] ?? '', max);
}
