/**
 * Names at the lines' ends: each line's name beside its last point, so a reader need not
 * match colours with a legend. Labels are moved apart vertically where lines end close
 * together (never over one another), kept inside the plot area, and wrapped to short lines.
 */

/** A label to place: its line, the y of the line's last point, and how many text lines. */
export interface EndAnchor {
  id: string;
  y: number;
  rows: number;
}

/**
 * The y of each label's first text line, in input order: labels in order of their anchors,
 * each at least `rowHeight` × (rows of the one above) below the previous, then the whole
 * stack shifted up when it runs past `bottom` (and clamped at `top`).
 * @example placeEndLabels([{ id: 'a', y: 100, rows: 1 }, { id: 'b', y: 104, rows: 1 }], 12, 0, 300)
 * // Map { 'a' → 100, 'b' → 112 }
 */
export function placeEndLabels(
  anchors: readonly EndAnchor[],
  rowHeight: number,
  top: number,
  bottom: number,
): Map<string, number> {
  const sorted = [...anchors].sort((a, b) => a.y - b.y || (a.id < b.id ? -1 : 1));
  const ys: number[] = [];
  let next = -Infinity;
  for (const a of sorted) {
    const y = Math.max(a.y, next, top);
    ys.push(y);
    next = y + a.rows * rowHeight;
  }
  // Push the stack up from the bottom where it overflows.
  let limit = bottom;
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const a = sorted[i];
    const y = ys[i];
    if (!a || y === undefined) continue;
    const last = y + (a.rows - 1) * rowHeight;
    if (last > limit) ys[i] = Math.max(top, y - (last - limit));
    limit = (ys[i] ?? y) - rowHeight;
  }
  return new Map(sorted.map((a, i) => [a.id, ys[i] ?? a.y]));
}

/**
 * A name broken into text lines of at most `width` characters, at ", ", " = " or a space
 * (a single word longer than `width` stays whole).
 * @example wrapLabel('Best-of-N, PRM pick (geometric mean)', 20)
 * // ['Best-of-N, PRM pick', '(geometric mean)']
 */
export function wrapLabel(label: string, width: number): string[] {
  const words = label.split(' ').filter((w) => w !== '');
  const rows: string[] = [];
  let row = '';
  for (const word of words) {
    const joined = row === '' ? word : `${row} ${word}`;
    if (joined.length <= width || row === '') row = joined;
    else {
      rows.push(row);
      row = word;
    }
  }
  if (row !== '') rows.push(row);
  return rows;
}
