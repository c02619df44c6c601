import type { Point } from '../../layout/tidyTree';
import { pillSize } from './encodings';
import type { Palette } from './palette';

/** Font size of overlay labels, in screen pixels at `scale` 1. */
export const LABEL_FONT = 10;

/** The colours of a label's tone. */
export type LabelTone = 'plain' | 'good' | 'bad' | 'winner' | 'muted';

/** Props of {@link OverlayLabel}. */
export interface OverlayLabelProps {
  at: Point;
  text: string;
  tone: LabelTone;
  palette: Palette;
  /** Counter-scales the label against the zoom so it stays readable. */
  scale: number;
  /** Where the label sits relative to `at`. */
  anchor?: 'middle' | 'start';
  opacity?: number;
  /** A tooltip (an SVG title, read by screen readers too) that explains the number. */
  title?: string;
}

/**
 * A small pill with text (always a text node, never HTML), drawn in layout coordinates and
 * scaled by `scale` around its anchor.
 */
export function OverlayLabel({
  at,
  text,
  tone,
  palette,
  scale,
  anchor = 'middle',
  opacity = 1,
  title,
}: OverlayLabelProps) {
  const { width, height } = pillSize(text, LABEL_FONT, tone === 'winner');
  const fill = tone === 'winner' ? palette.path : palette.labelBg;
  const color =
    tone === 'winner'
      ? palette.onPath
      : tone === 'good'
        ? palette.good
        : tone === 'bad'
          ? palette.bad
          : tone === 'muted'
            ? palette.muted
            : palette.text;
  const stroke =
    tone === 'winner'
      ? palette.path
      : tone === 'good'
        ? palette.good
        : tone === 'bad'
          ? palette.bad
          : palette.labelBorder;
  const x0 = anchor === 'middle' ? -width / 2 : 0;
  return (
    <g transform={`translate(${at.x},${at.y}) scale(${scale})`} opacity={opacity}>
      {title !== undefined && <title>{title}</title>}
      <rect
        x={x0}
        y={-height / 2}
        width={width}
        height={height}
        rx={3}
        fill={fill}
        stroke={stroke}
        strokeWidth={0.75}
      />
      <text
        x={x0 + width / 2}
        y={LABEL_FONT / 2 - 1}
        textAnchor="middle"
        fontSize={LABEL_FONT}
        fontWeight={tone === 'winner' ? 700 : 500}
        fill={color}
      >
        {text}
      </text>
    </g>
  );
}
