import { memo } from 'react';
import type { TreeLayout } from '../../layout/tidyTree';
import { awaitsPick, useArbor } from '../../store';
import { cardBox } from '../tree/encodings';
import type { Palette } from '../tree/palette';

/** Props of {@link QuestionRings}. */
export interface QuestionRingsProps {
  layout: TreeLayout;
  palette: Palette;
  zoom: number;
}

/**
 * While a select question waits for a pick, a dashed ring around each candidate child on the
 * tree (in both drawing modes, in the overlay) with its number for the keys 1–9.
 */
export const QuestionRings = memo(function QuestionRings({
  layout,
  palette,
  zoom,
}: QuestionRingsProps) {
  const candidates = useArbor((s) =>
    awaitsPick(s) && s.question?.question.kind === 'select' ? s.question.question.candidates : null,
  );
  if (candidates === null) return null;
  const reach = Math.max(6, 8 / zoom);
  const badge = Math.max(9, 11 / zoom);
  return (
    <g data-layer="question" pointerEvents="none">
      {candidates.map((c, i) => {
        const at = layout.byId.get(c.id);
        if (!at) return null;
        const box = cardBox(at, reach);
        return (
          <g key={c.id} className="question-candidate" data-question-candidate={c.id}>
            <rect
              x={box.x}
              y={box.y}
              width={box.width}
              height={box.height}
              rx={12}
              fill="none"
              stroke={palette.travel}
              strokeWidth={4}
              strokeDasharray="8 5"
              vectorEffect="non-scaling-stroke"
            />
            {i < 9 && (
              <g transform={`translate(${box.x} ${box.y})`}>
                <circle r={badge} fill={palette.travel} />
                <text
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={badge * 1.3}
                  fontWeight={700}
                  fill={palette.background}
                >
                  {i + 1}
                </text>
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
});
