import type { Theme } from '../../../store';
import type { PlotLine } from './plotFrame';

/**
 * How a series looks: a hue per strategy family (best-of-N blue, beam search orange, MCTS
 * green), a shade per strategy within its family, a marker shape per family (so the families
 * differ without colour too) and a dash per experiment value or per the difficulty preview's
 * arm. Colours are attributes, not CSS classes, so an exported SVG keeps them.
 */

/** A strategy family, as `strategies.ts` names them. */
export type Family = 'best-of-n' | 'beam' | 'mcts';

const SHADES: Record<Theme, Record<Family, readonly string[]>> = {
  light: {
    'best-of-n': ['#1d4ed8', '#0891b2', '#7c3aed', '#0369a1', '#4338ca', '#0e7490'],
    beam: ['#c2410c', '#b45309', '#be123c', '#9a3412', '#a16207'],
    mcts: ['#15803d', '#047857', '#4d7c0f'],
  },
  dark: {
    'best-of-n': ['#60a5fa', '#22d3ee', '#a78bfa', '#38bdf8', '#818cf8', '#67e8f9'],
    beam: ['#fb923c', '#fbbf24', '#fb7185', '#fdba74', '#facc15'],
    mcts: ['#4ade80', '#34d399', '#a3e635'],
  },
};

const MARKERS: Record<Family, PlotLine['marker']> = {
  'best-of-n': 'circle',
  beam: 'square',
  mcts: 'triangle',
};

const DASHES: readonly (string | null)[] = [null, '7 4', '2 3', '9 3 2 3', '4 4'];

/** The colours of a plot's frame per theme (text, grid, axis, background). */
export const PLOT_INK: Record<
  Theme,
  { background: string; text: string; muted: string; grid: string; axis: string }
> = {
  light: {
    background: '#ffffff',
    text: '#0f172a',
    muted: '#475569',
    grid: '#e2e8f0',
    axis: '#64748b',
  },
  dark: {
    background: '#020617',
    text: '#e2e8f0',
    muted: '#94a3b8',
    grid: '#1e293b',
    axis: '#64748b',
  },
};

/**
 * The look of a series: `rank` is the strategy's place within its family (0 first), `dash`
 * the index of its experiment value or arm (0 = solid).
 */
export function seriesLook(
  family: Family,
  rank: number,
  dash: number,
  theme: Theme,
): Pick<PlotLine, 'color' | 'dash' | 'marker'> {
  const shades = SHADES[theme][family];
  return {
    color: shades[rank % shades.length] ?? '#64748b',
    dash: DASHES[dash % DASHES.length] ?? null,
    marker: MARKERS[family],
  };
}
