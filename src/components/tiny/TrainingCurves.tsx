import { useRef } from 'react';
import type { SprmLoss } from '../../engines/tiny/curves';
import type { TinySprmCurves } from '../../engines/tiny/manifest';
import { useElementSize } from '../tree/useElementSize';
import { LOSS_NAMES, curvesCaption } from './curvesCaption';
import { CURVES_FONT_PX, layoutCurves, pathOf } from './trainingCurvesLayout';

/** How each loss's line looks: colour (light and dark) and dash, so lines differ without colour. */
const LOOK: Record<SprmLoss, { stroke: string; dash: string | undefined; width: number }> = {
  bce: { stroke: 'stroke-sky-700 dark:stroke-sky-300', dash: undefined, width: 2 },
  spr: { stroke: 'stroke-orange-700 dark:stroke-orange-300', dash: '6 4', width: 2 },
  bce_then_spr: { stroke: 'stroke-emerald-700 dark:stroke-emerald-300', dash: '2 3', width: 3 },
};

const INK = 'fill-slate-700 dark:fill-slate-200';
const MUTED = 'fill-slate-500 dark:fill-slate-400';

/** Width used before the element is measured (and in server-side rendering). */
const FALLBACK_WIDTH = 300;

export interface TrainingCurvesProps {
  /** The manifest's `metrics.sprm_curves`. */
  curves: TinySprmCurves;
  /** The curve of the head that ships (the manifest's `training.shipped_head`). */
  shipped?: SprmLoss;
}

function LegendSwatch({ loss }: { loss: SprmLoss }) {
  const look = LOOK[loss];
  return (
    <svg width="28" height="10" aria-hidden="true" className="shrink-0">
      <line
        x1="1"
        x2="27"
        y1="5"
        y2="5"
        className={look.stroke}
        strokeWidth={look.width}
        strokeDasharray={look.dash}
      />
    </svg>
  );
}

/**
 * The tiny model's SPRM head in training (MetaStone-S1, arXiv 2507.01951): per epoch, the
 * gap between right and wrong lines' scores and the step-level balanced accuracy against
 * the solver's exact truth, for plain BCE, SPR and BCE-then-SPR. d3-scale places the points
 * (trainingCurvesLayout.ts), React draws them at the width the picture has, with 14 px text;
 * the caption says in words what the curves show, the shipped head's collapse included.
 */
export function TrainingCurves({ curves, shipped = 'bce_then_spr' }: TrainingCurvesProps) {
  const box = useRef<HTMLElement>(null);
  const measured = useElementSize(box).width;
  const layout = layoutCurves(curves, measured > 0 ? measured : FALLBACK_WIDTH, shipped);
  const caption = curvesCaption(curves, shipped);
  return (
    <figure ref={box} className="flex flex-col gap-1 text-sm" data-testid="sprm-training-curves">
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5" aria-label="Losses">
        {(['bce', 'spr', 'bce_then_spr'] as const).map((loss) => (
          <li key={loss} className="flex items-center gap-1">
            <LegendSwatch loss={loss} />
            <span>
              {LOSS_NAMES[loss]}
              {loss === shipped ? ' (shipped)' : ''}
            </span>
          </li>
        ))}
      </ul>
      <svg
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label="SPRM head training curves per epoch: score gap and balanced step accuracy"
        fontSize={CURVES_FONT_PX}
      >
        {layout.panels.map((panel) => (
          <g key={panel.def.id} data-panel={panel.def.id}>
            <text x={0} y={panel.top - 12} className={INK} fontWeight={600}>
              {panel.def.title}
            </text>
            {panel.yTicks.map((t) => (
              <g key={t.value}>
                <line
                  x1={panel.left}
                  x2={panel.right}
                  y1={t.y}
                  y2={t.y}
                  className="stroke-slate-200 dark:stroke-slate-700"
                />
                <text
                  x={panel.left - 4}
                  y={t.y + CURVES_FONT_PX / 3}
                  textAnchor="end"
                  className={MUTED}
                >
                  {t.value.toFixed(2).replace(/^(-?)0\./, '$1.')}
                </text>
              </g>
            ))}
            <line
              x1={panel.left}
              x2={panel.right}
              y1={panel.referenceY}
              y2={panel.referenceY}
              className="stroke-slate-500 dark:stroke-slate-400"
              strokeDasharray="1 3"
            />
            {layout.switchX !== null && (
              <line
                x1={layout.switchX}
                x2={layout.switchX}
                y1={panel.top}
                y2={panel.bottom}
                className="stroke-slate-400 dark:stroke-slate-500"
                strokeDasharray="4 3"
                data-switch
              />
            )}
            {panel.curves.map((c) => (
              <path
                key={c.loss}
                d={pathOf(c.points)}
                fill="none"
                className={LOOK[c.loss].stroke}
                strokeWidth={LOOK[c.loss].width}
                strokeDasharray={LOOK[c.loss].dash}
                strokeLinejoin="round"
                data-curve={`${panel.def.id}-${c.loss}`}
              />
            ))}
            {panel.xTicks.map((t) => (
              <text
                key={t.epoch}
                x={t.x}
                y={panel.bottom + CURVES_FONT_PX + 2}
                textAnchor="middle"
                className={MUTED}
              >
                {t.epoch}
              </text>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="text-slate-700 dark:text-slate-200">
        By epoch; dotted: no gap, chance
        {layout.switchX !== null ? '; dashed: SPR takes over' : ''}. {caption}
      </figcaption>
    </figure>
  );
}
