/** A linear map from [d0, d1] onto [r0, r1] (kept here: d3-scale in this lazy chunk split the first paint's). */
function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Rounds a gap axis outward to a tenth, or a hundredth when it is small. */
function roundOut(v: number, up: boolean): number {
  const step = Math.abs(v) >= 0.1 ? 0.1 : 0.01;
  return (up ? Math.ceil(v / step) : Math.floor(v / step)) * step;
}

/** One SPRM training recipe's gap after each epoch. */
export interface GapSeries {
  label: string;
  points: readonly { epoch: number; gap: number }[];
  /** The recipe the shipped head was trained with: drawn bold. */
  shipped: boolean;
}

const W = 240;
const H = 110;
const M = { top: 8, right: 10, bottom: 22, left: 38 };

/** SVG path of points through the scales. */
function pathOf(
  points: GapSeries['points'],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.epoch).toFixed(1)},${y(p.gap).toFixed(1)}`)
    .join('');
}

/**
 * The SPRM head's score gap (mean trajectory score of right lines minus wrong ones, held out)
 * over training epochs, one line per training recipe, from the manifest's curves. MetaStone-S1
 * (arXiv 2507.01951) reports an "aha moment" where the gap opens; here it closes to 0 for the
 * SPR recipes: the curve shows the collapse plainly.
 */
export function SprmGapCurve({ series }: { series: readonly GapSeries[] }) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const maxEpoch = Math.max(...all.map((p) => p.epoch));
  const maxGap = Math.max(0.05, ...all.map((p) => p.gap));
  const x = linear([1, maxEpoch], [M.left, W - M.right]);
  const bottom = roundOut(Math.min(0, ...all.map((p) => p.gap)), false);
  const top = roundOut(maxGap, true);
  const y = linear([bottom, top], [H - M.bottom, M.top]);
  const shipped = series.find((s) => s.shipped);
  const last = shipped?.points.at(-1);
  return (
    <figure className="flex flex-col gap-1">
      <svg
        viewBox={`0 0 ${String(W)} ${String(H)}`}
        className="w-full max-w-xs text-slate-700 dark:text-slate-200"
        role="img"
        aria-label={`SPRM score gap between right and wrong lines over ${String(maxEpoch)} training epochs${
          last && shipped
            ? `; the shipped head (${shipped.label}) ends at ${last.gap.toFixed(2)}`
            : ''
        }`}
      >
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(0)}
          y2={y(0)}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <line
          x1={M.left}
          x2={M.left}
          y1={M.top}
          y2={H - M.bottom}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        {[0, top].map((v) => (
          <text
            key={v}
            x={M.left - 4}
            y={y(v) + 3}
            textAnchor="end"
            fontSize={12}
            fill="currentColor"
          >
            {v.toFixed(2)}
          </text>
        ))}
        {[1, maxEpoch].map((e) => (
          <text key={e} x={x(e)} y={H - 5} textAnchor="middle" fontSize={12} fill="currentColor">
            {e === 1 ? 'epoch 1' : String(e)}
          </text>
        ))}
        {series.map((s, i) => (
          <path
            key={s.label}
            d={pathOf(s.points, x, y)}
            fill="none"
            stroke={s.shipped ? '#059669' : i === 0 ? '#64748b' : '#d97706'}
            strokeWidth={s.shipped ? 2.5 : 1.5}
            strokeDasharray={s.shipped ? undefined : i === 0 ? undefined : '4 3'}
          />
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-3 text-xs">
        {series.map((s, i) => (
          <span key={s.label} className="flex items-center gap-1">
            <span
              aria-hidden
              className="inline-block h-0.5 w-4"
              style={{ background: s.shipped ? '#059669' : i === 0 ? '#64748b' : '#d97706' }}
            />
            {s.label}
            {s.shipped ? ' (shipped)' : ''}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
