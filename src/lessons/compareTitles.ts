import type { RunSettings } from '../run/settings';
import { serializeSettings } from '../run/urlState';

/** The two titles of a compare step's sides. */
export interface CompareTitles {
  left: string;
  right: string;
}

/** The keys that name a settings group: when they differ, the group's own keys are not compared. */
const GROUP_KEYS = new Set(['algo', 'engine']);

/** A long decimal cut to 3 places (`1.4142135623730951` → `1.414`); other values as they are. */
function shortValue(raw: string): string {
  return /^-?\d+\.\d{4,}$/.test(raw) ? String(Number(Number(raw).toFixed(3))) : raw;
}

/**
 * Titles for two runs shown side by side, so a class can tell them apart: the settings that
 * differ between them, written as a link writes them (`c = 0.3` against `c = 4`), in the
 * order a link lists them. When the algorithms (or engines) differ, that difference leads
 * and the settings only one of them has are left out (they are not a difference of the
 * same knob); a setting one run has and the other lacks (a step hint) reads `no hint` on
 * the side without it. A long decimal is cut to 3 places unless that would hide the
 * difference. At most `most` differences are written, then `+n more`.
 * @returns null when the settings do not differ (the caller falls back to the run keys)
 * @example compareTitles(atC(0.3), atC(4)) // { left: 'c = 0.3', right: 'c = 4' }
 */
export function compareTitles(a: RunSettings, b: RunSettings, most = 3): CompareTitles | null {
  const left: string[] = [];
  const right: string[] = [];
  const both = (l: string, r: string) => {
    left.push(l);
    right.push(r);
  };
  const groupsDiffer = a.search.algorithm !== b.search.algorithm || a.engine.kind !== b.engine.kind;
  if (a.search.algorithm !== b.search.algorithm) {
    both(`algo = ${a.search.algorithm}`, `algo = ${b.search.algorithm}`);
  }
  if (a.engine.kind !== b.engine.kind)
    both(`engine = ${a.engine.kind}`, `engine = ${b.engine.kind}`);
  const qa = new URLSearchParams(serializeSettings(a));
  const qb = new URLSearchParams(serializeSettings(b));
  const keys = [...new Set([...qa.keys(), ...qb.keys()])].filter((k) => !GROUP_KEYS.has(k));
  for (const key of keys) {
    const va = qa.get(key);
    const vb = qb.get(key);
    if (va === vb) continue;
    if (va !== null && vb !== null) {
      const [sa, sb] =
        shortValue(va) === shortValue(vb) ? [va, vb] : [shortValue(va), shortValue(vb)];
      both(`${key} = ${sa}`, `${key} = ${sb}`);
    } else if (!groupsDiffer) {
      both(
        va === null ? `no ${key}` : `${key} = ${va}`,
        vb === null ? `no ${key}` : `${key} = ${vb}`,
      );
    }
  }
  if (left.length === 0) return null;
  const cut = (items: string[]) =>
    items.length <= most
      ? items.join(', ')
      : `${items.slice(0, most).join(', ')}, +${items.length - most} more`;
  return { left: cut(left), right: cut(right) };
}
