import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SprmEpoch } from '../../engines/tiny/curves';
import { sprmCurvesSchema } from '../../engines/tiny/curves';
import type { TinySprmCurves } from '../../engines/tiny/manifest';
import { parseTinyManifest } from '../../engines/tiny/manifest';
import { curvesCaption, two } from './curvesCaption';
import { TrainingCurves } from './TrainingCurves';

const epoch = (n: number, loss: 'bce' | 'spr', gap: number, balanced: number): SprmEpoch => ({
  epoch: n,
  loss,
  gap,
  step_accuracy: 0.84,
  step_balanced_accuracy: balanced,
  mean_right: 0.004,
  mean_wrong: 0.004 - gap,
});

/** Three epochs; the shipped curve switches to SPR at epoch 2 and its gap closes. */
const CURVES: TinySprmCurves = {
  bce: [epoch(1, 'bce', 0.1, 0.5), epoch(2, 'bce', 0.2, 0.55), epoch(3, 'bce', 0.3, 0.6)],
  spr: [epoch(1, 'spr', 0.1, 0.5), epoch(2, 'spr', 0, 0.5), epoch(3, 'spr', 0, 0.5)],
  bce_then_spr: [epoch(1, 'bce', 0.1, 0.5), epoch(2, 'spr', 0.05, 0.5), epoch(3, 'spr', 0, 0.5)],
};

function pathOfCurve(html: string, id: string): string {
  const m = new RegExp(`d="([^"]*)"[^>]*data-curve="${id}"`).exec(html);
  if (!m?.[1]) throw new Error(`no curve ${id}`);
  return m[1];
}

describe('TrainingCurves', () => {
  it('draws each epoch where the scales put it (worked by hand at the 300 px fallback width)', () => {
    const html = renderToStaticMarkup(<TrainingCurves curves={CURVES} />);
    // x: epochs 1..3 over 44..286 px. y (gap): values 0..0.3 padded, made nice to −0.1..0.4,
    // over 126..30 px: 0.1 → 126 − 0.2/0.5·96 = 87.6, 0.2 → 68.4, 0.3 → 49.2, 0 → 106.8.
    expect(pathOfCurve(html, 'gap-bce')).toBe('M44.0,87.6L165.0,68.4L286.0,49.2');
    expect(pathOfCurve(html, 'gap-spr')).toBe('M44.0,87.6L165.0,106.8L286.0,106.8');
    // y (balanced): 0.5..0.6 padded to 0.495..0.605, made nice (d3 repeats until the ticks
    // settle: 0.48..0.62, then 0.45..0.65) over 286..190 px (the second panel starts
    // 30 + 96 + 26 + 8 = 160 px lower): 0.5 → 286 − 0.05/0.2·96 = 262, 0.55 → 238, 0.6 → 214.
    expect(pathOfCurve(html, 'balanced-bce')).toBe('M44.0,262.0L165.0,238.0L286.0,214.0');
    // The shipped head switched to SPR at epoch 2: the mark stands at x = 165 in both panels.
    expect(html.match(/x1="165" x2="165"[^>]*data-switch/g)).toHaveLength(2);
    expect(html).toContain('font-size="14"');
  });

  it('draws one point per recorded epoch of the shipped manifest, for every loss and panel', () => {
    const raw: unknown = JSON.parse(
      readFileSync(new URL('../../../public/models/tiny24/manifest.json', import.meta.url), 'utf8'),
    );
    const curves = parseTinyManifest(raw).metrics.sprm_curves;
    const html = renderToStaticMarkup(<TrainingCurves curves={curves} />);
    for (const panel of ['gap', 'balanced']) {
      for (const loss of ['bce', 'spr', 'bce_then_spr'] as const) {
        const points = pathOfCurve(html, `${panel}-${loss}`).split(/[ML]/).filter(Boolean);
        expect(points).toHaveLength(curves[loss].length);
      }
    }
    expect(html).toContain('collapsed');
  });

  it('says in its caption that a head whose gap closed collapsed, and when one did not', () => {
    expect(curvesCaption(CURVES)).toContain(
      'The shipped head (BCE for 1 epochs, then SPR) collapsed: gap 0.00, balanced step accuracy 0.50 (chance: 0.50)',
    );
    expect(curvesCaption(CURVES)).toContain('Plain BCE: gap 0.30, step accuracy 0.60.');
    expect(curvesCaption(CURVES, 'bce')).toContain(
      'The shipped head (BCE): gap 0.30, balanced step accuracy 0.60',
    );
    // A gap that rounds to zero from below reads 0.00, not -0.00.
    expect(two(-0.0007)).toBe('0.00');
    expect(two(-0.05)).toBe('-0.05');
    expect(curvesCaption(CURVES, 'bce')).not.toContain('collapsed');
  });

  it('survives curves with no epochs and refuses a curve missing its gap', () => {
    const html = renderToStaticMarkup(
      <TrainingCurves curves={{ bce: [], spr: [], bce_then_spr: [] }} />,
    );
    expect(html).toContain('No training curves were recorded for this model.');
    expect(html).not.toContain('NaN');
    const noGap: Partial<SprmEpoch> = epoch(1, 'bce', 0.1, 0.5);
    delete noGap.gap;
    const bad = { bce: [noGap], spr: [], bce_then_spr: [] };
    expect(sprmCurvesSchema.safeParse(bad).success).toBe(false);
  });
});
