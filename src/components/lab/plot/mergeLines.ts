import { coincidentGroups } from '../../../lab/coincide';
import type { PlotDatum, PlotLine } from './plotFrame';

/**
 * Coinciding lines drawn as one: lines that agree exactly at every drawn number (compute,
 * accuracy, the interval's ends, runs behind each point — `lab/coincide.ts`) become a single
 * line named after all of them, e.g. "Best-of-N: PRM pick (geometric mean) = majority vote
 * on these runs". It keeps the first member's id, colour and marker; `members` names every
 * series it stands for, so none is hidden.
 */

/** The words that tell a joint line from a single one. */
export const SAME_ON_THESE_RUNS = 'on these runs';

/**
 * The joint name of coinciding series: a prefix all share up to a ", " is said once.
 * @example jointLabel(['Best-of-N, PRM pick (mean)', 'Best-of-N, majority vote'])
 * // 'Best-of-N: PRM pick (mean) = majority vote'
 */
export function jointLabel(labels: readonly string[]): string {
  const first = labels[0] ?? '';
  const cut = first.indexOf(', ');
  if (cut > 0 && labels.length > 1) {
    const prefix = first.slice(0, cut + 2);
    if (labels.every((l) => l.startsWith(prefix) && l.length > prefix.length)) {
      return `${first.slice(0, cut)}: ${labels.map((l) => l.slice(prefix.length)).join(' = ')}`;
    }
  }
  return labels.join(' = ');
}

/**
 * The lines with every group of coinciding ones merged. A merged line's `label` is the joint
 * name with {@link SAME_ON_THESE_RUNS}, `endLabel` the joint name alone.
 */
export function mergeCoincident<D extends PlotDatum>(lines: readonly PlotLine<D>[]): PlotLine<D>[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const groups = coincidentGroups(
    lines.map((l) => ({
      id: l.id,
      points: l.data.map((d) => ({ key: d.key, values: [d.x, d.y, d.lo, d.hi, d.n ?? -1] })),
    })),
  );
  return groups.flatMap((ids) => {
    const members = ids.flatMap((id) => byId.get(id) ?? []);
    const head = members[0];
    if (!head) return [];
    if (members.length === 1) return [head];
    const joint = jointLabel(members.map((m) => m.label));
    return [
      {
        ...head,
        label: `${joint} ${SAME_ON_THESE_RUNS}`,
        endLabel: joint,
        members: members.map((m) => ({ id: m.id, label: m.label })),
      },
    ];
  });
}
