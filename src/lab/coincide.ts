/**
 * Series that coincide: two lines of a plot that agree at every point would be drawn one
 * exactly under the other (best-of-N's PRM pick and majority vote draw the same samples and,
 * on an easy set, give the same answers). The plot draws such a group once and names every
 * member ("PRM pick = majority vote on these runs") instead of hiding one.
 */

/** A series as the comparison sees it: its points by key, each a tuple of drawn numbers. */
export interface ComparableSeries {
  id: string;
  points: readonly { key: string; values: readonly number[] }[];
}

function signature(series: ComparableSeries): string {
  return [...series.points]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => `${p.key}:${p.values.map((v) => (Object.is(v, -0) ? 0 : v)).join(',')}`)
    .join(';');
}

/**
 * Groups the series that coincide: same point keys, and at each key exactly the same numbers
 * (no tolerance — one run's difference keeps two lines apart). Groups keep the order of the
 * input (a group sits where its first member was; members in input order); a series with no
 * points is never grouped with another.
 * @example coincidentGroups([a, b, c]) // [['a', 'c'], ['b']] when a and c agree everywhere
 */
export function coincidentGroups(series: readonly ComparableSeries[]): string[][] {
  const groups: string[][] = [];
  const bySignature = new Map<string, string[]>();
  for (const s of series) {
    if (s.points.length === 0) {
      groups.push([s.id]);
      continue;
    }
    const key = signature(s);
    const group = bySignature.get(key);
    if (group) group.push(s.id);
    else {
      const fresh = [s.id];
      bySignature.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}
