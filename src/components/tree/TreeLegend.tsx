import { useId } from 'react';
import type { SearchTree } from '../../core/tree/tree';
import type { Swatch } from './legend';
import { dotLegendItems, legendItems } from './legend';
import type { Palette } from './palette';

/** One swatch drawn in a 24 × 16 SVG, from the same data the export uses. */
function SwatchSvg({ swatch }: { swatch: Swatch }) {
  const gradientId = useId();
  let body;
  switch (swatch.kind) {
    case 'gradient':
      body = (
        <>
          <defs>
            <linearGradient id={gradientId}>
              {swatch.stops.map((c, i) => (
                <stop key={c} offset={i / (swatch.stops.length - 1)} stopColor={c} />
              ))}
            </linearGradient>
          </defs>
          <rect x={0} y={3} width={48} height={10} rx={2} fill={`url(#${gradientId})`} />
        </>
      );
      break;
    case 'circle':
      body = (
        <g opacity={swatch.opacity ?? 1}>
          {swatch.ring && (
            <circle
              cx={12}
              cy={8}
              r={swatch.r + 3}
              fill="none"
              stroke={swatch.ring}
              strokeWidth={2}
            />
          )}
          <circle
            cx={12}
            cy={8}
            r={swatch.r}
            fill={swatch.fill}
            stroke={swatch.stroke}
            strokeDasharray={swatch.dashed ? '3 2' : undefined}
          />
        </g>
      );
      break;
    case 'glyph':
      body = (
        <text x={12} y={13} textAnchor="middle" fontSize={14} fontWeight={700} fill={swatch.color}>
          {swatch.glyph}
        </text>
      );
      break;
    case 'diamond':
      body = (
        <path
          d="M12,3 L17,8 L12,13 L7,8 Z"
          fill={swatch.hollow ? 'none' : swatch.color}
          stroke={swatch.color}
          strokeWidth={1.5}
        />
      );
      break;
    case 'line':
      body = (
        <line
          x1={1}
          y1={8}
          x2={23}
          y2={8}
          stroke={swatch.color}
          strokeWidth={swatch.width}
          strokeDasharray={swatch.dashed ? '4 3' : undefined}
        />
      );
      break;
    case 'pill':
      body = (
        <>
          <rect
            x={1}
            y={2}
            width={22}
            height={12}
            rx={6}
            fill={swatch.fill}
            stroke={swatch.color}
            strokeDasharray={swatch.dashed ? '3 2' : undefined}
            strokeWidth={swatch.dashed ? 1 : 0}
          />
          <text x={12} y={11} textAnchor="middle" fontSize={8} fontWeight={600} fill={swatch.color}>
            {swatch.text}
          </text>
        </>
      );
      break;
    case 'card':
      body = (
        <g opacity={swatch.opacity ?? 1}>
          {swatch.ring && (
            <rect
              x={0.5}
              y={0.5}
              width={23}
              height={15}
              rx={4}
              fill="none"
              stroke={swatch.ring}
              strokeWidth={1.5}
            />
          )}
          <rect
            x={3}
            y={3}
            width={18}
            height={10}
            rx={2}
            fill={swatch.fill}
            stroke={swatch.stroke}
            strokeDasharray={swatch.dashed ? '3 2' : undefined}
          />
          <rect x={3} y={3} width={3} height={10} fill={swatch.stripe} />
        </g>
      );
      break;
    case 'triangle':
      body = <path d="M12,2 L18,13 L6,13 Z" fill={swatch.color} />;
      break;
  }
  const width = swatch.kind === 'gradient' ? 48 : 24;
  return (
    <svg
      aria-hidden="true"
      width={width}
      height={16}
      viewBox={`0 0 ${width} 16`}
      className="shrink-0"
    >
      {body}
    </svg>
  );
}

/** What the tree's colours and marks mean, for the algorithm drawn, in the theme's colours. */
export function TreeLegend({
  palette,
  algorithm,
  unknownEnds = false,
  dots = false,
}: {
  palette: Palette;
  algorithm?: SearchTree['algorithm'];
  /** The tree has ends whose correctness its file does not say. */
  unknownEnds?: boolean;
  /** The legend of trees drawn as dots (the compare view). */
  dots?: boolean;
}) {
  return (
    <figcaption
      aria-label="Tree legend"
      className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-400"
    >
      {(dots ? dotLegendItems(palette) : legendItems(palette, algorithm, unknownEnds)).map(
        (item) => (
          <span key={item.label} className="flex items-center gap-1">
            <SwatchSvg swatch={item.swatch} />
            {item.label}
          </span>
        ),
      )}
    </figcaption>
  );
}
