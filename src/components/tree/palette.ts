import type { Theme } from '../../store';

/**
 * Every colour the tree draws, per theme. The SVG, the canvas and the exported files all
 * read these, so the three always agree (CSS classes cannot reach a canvas or a saved file).
 */
export interface Palette {
  background: string;
  text: string;
  muted: string;
  link: string;
  /** The current selection path (or the answer's path once done). */
  path: string;
  nodeStroke: string;
  /** Fill of a node not yet scored. */
  unscored: string;
  /** PRM 0 → 0.5 → 1: a diverging red–yellow–green (ColorBrewer RdYlGn). */
  prm: readonly [string, string, string];
  solved: string;
  wrong: string;
  invalid: string;
  /** An end whose correctness the file does not say (neither solved nor wrong). */
  unknown: string;
  /** The backtracking-point marker. */
  backtrack: string;
  /** The ring of the node the inspector shows. */
  selected: string;
  /** Rings of the hovered and the keyboard-focused node. */
  hover: string;
  /** Rollout steps drawn as ghosts. */
  ghost: string;
  labelBg: string;
  labelBorder: string;
  /** Text on a label filled with the path colour (the selection's winner). */
  onPath: string;
  good: string;
  bad: string;
  badgeBg: string;
  badgeText: string;
  /** The value travelling up during backpropagation. */
  travel: string;
  /** Background of a node's card. */
  card: string;
  /** The mark of a PRM score that disagrees with the truth. */
  disagree: string;
  /** The halo of a node the find box matched. */
  found: string;
  /** The thick ring around a node a lesson step highlights (distinct from the selection's). */
  lesson: string;
}

const LIGHT: Palette = {
  background: '#ffffff',
  text: '#0f172a',
  muted: '#64748b',
  link: '#94a3b8',
  path: '#2563eb',
  nodeStroke: '#334155',
  unscored: '#e2e8f0',
  prm: ['#d73027', '#fee08b', '#1a9850'],
  solved: '#15803d',
  wrong: '#b91c1c',
  invalid: '#7c2d12',
  unknown: '#6d28d9',
  backtrack: '#0891b2',
  selected: '#c026d3',
  hover: '#0f172a',
  ghost: '#64748b',
  labelBg: '#ffffff',
  labelBorder: '#cbd5e1',
  onPath: '#ffffff',
  good: '#15803d',
  bad: '#b91c1c',
  badgeBg: '#334155',
  badgeText: '#ffffff',
  travel: '#d97706',
  card: '#ffffff',
  disagree: '#b45309',
  found: '#7c3aed',
  lesson: '#ea580c',
};

const DARK: Palette = {
  background: '#020617',
  text: '#e2e8f0',
  muted: '#94a3b8',
  link: '#475569',
  path: '#60a5fa',
  nodeStroke: '#cbd5e1',
  unscored: '#334155',
  prm: ['#f46d43', '#fee08b', '#66bd63'],
  solved: '#4ade80',
  wrong: '#f87171',
  invalid: '#fdba74',
  unknown: '#c4b5fd',
  backtrack: '#22d3ee',
  selected: '#f0abfc',
  hover: '#f8fafc',
  ghost: '#94a3b8',
  labelBg: '#0f172a',
  labelBorder: '#475569',
  onPath: '#020617',
  good: '#4ade80',
  bad: '#f87171',
  badgeBg: '#cbd5e1',
  badgeText: '#0f172a',
  travel: '#fbbf24',
  card: '#0f172a',
  disagree: '#fcd34d',
  found: '#a78bfa',
  lesson: '#fb923c',
};

/** The palette of each theme. */
export const PALETTES: Readonly<Record<Theme, Palette>> = { light: LIGHT, dark: DARK };
