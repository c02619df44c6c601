/**
 * What the SPRM training curves say, in words for a caption, from the numbers themselves:
 * the shipped head's last gap and balanced step accuracy, plain BCE's beside it, and whether
 * the shipped head collapsed (its gap gone: it scores right and wrong lines alike).
 */
import type { SprmEpoch, SprmLoss } from '../../engines/tiny/curves';
import type { TinySprmCurves } from '../../engines/tiny/manifest';
import { switchEpoch } from './trainingCurvesLayout';

/** Below this last gap the head tells right lines from wrong no better than a constant. */
export const COLLAPSED_GAP = 0.02;

/** How each loss is named in the legend and the caption. */
export const LOSS_NAMES: Record<SprmLoss, string> = {
  bce: 'BCE',
  spr: 'SPR',
  bce_then_spr: 'BCE, then SPR',
};

/** Two decimals, without a minus sign on what rounds to zero. */
export const two = (x: number): string => x.toFixed(2).replace(/^-(0\.0+)$/, '$1');

function last(curve: readonly SprmEpoch[]): SprmEpoch | undefined {
  return curve[curve.length - 1];
}

/** Whether a curve ends with no gap between right and wrong lines. */
export function collapsed(curve: readonly SprmEpoch[]): boolean {
  const end = last(curve);
  return end !== undefined && Math.abs(end.gap) < COLLAPSED_GAP;
}

/** The caption: what MetaStone-S1 expects, what the shipped head did, and BCE beside it. */
export function curvesCaption(curves: TinySprmCurves, shipped: SprmLoss = 'bce_then_spr'): string {
  const end = last(curves[shipped]);
  if (!end) return 'No training curves were recorded for this model.';
  const at = switchEpoch(curves[shipped]);
  const how =
    shipped === 'bce_then_spr' && at !== null
      ? `BCE for ${String(at - 1)} epochs, then SPR`
      : LOSS_NAMES[shipped];
  const intro =
    'MetaStone-S1 reports right and wrong lines’ scores splitting apart as this head learns ' +
    'from final answers alone.';
  const verdict = collapsed(curves[shipped])
    ? ` The shipped head (${how}) collapsed: gap ${two(end.gap)}, balanced step accuracy ` +
      `${two(end.step_balanced_accuracy)} (chance: 0.50). It scores almost every step near ` +
      `${two(end.mean_right)}, so as a judge it says little.`
    : ` The shipped head (${how}): gap ${two(end.gap)}, balanced step accuracy ` +
      `${two(end.step_balanced_accuracy)} (chance: 0.50).`;
  const bce = shipped === 'bce' ? undefined : last(curves.bce);
  const beside = bce
    ? ` Plain BCE: gap ${two(bce.gap)}, step accuracy ${two(bce.step_balanced_accuracy)}.`
    : '';
  return intro + verdict + beside;
}
