import type { PlotLine } from './plotFrame';

/** A point's marker: a circle (best-of-N), square (beam) or triangle (MCTS), with a ring
 *  when it is hovered, focused or selected. */
export function PlotMarker(props: {
  shape: PlotLine['marker'];
  x: number;
  y: number;
  color: string;
  ring: string | null;
}) {
  const { shape, x, y, color, ring } = props;
  const mark =
    shape === 'square' ? (
      <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />
    ) : shape === 'triangle' ? (
      <path d={`M${x},${y - 5.5}L${x + 5},${y + 3.5}L${x - 5},${y + 3.5}Z`} fill={color} />
    ) : (
      <circle cx={x} cy={y} r={4.5} fill={color} />
    );
  return (
    <>
      {ring && <circle cx={x} cy={y} r={8.5} fill="none" stroke={ring} strokeWidth={1.75} />}
      {mark}
    </>
  );
}
