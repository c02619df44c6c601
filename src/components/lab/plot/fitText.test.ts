import { describe, expect, it } from 'vitest';
import { fitSentence, lineFits, signedPoints } from './fitText';
import { jointLabel } from './mergeLines';
import type { PlotLine } from './plotFrame';

describe('the fit in words', () => {
  it('states the slope in points per doubling with its interval', () => {
    // The hand-made grid of logFit.test.ts: slope 0.2, half-width 0.22182.
    const line: PlotLine = {
      id: 'a',
      label: 'A',
      color: '#000',
      dash: null,
      marker: 'circle',
      data: [
        { key: '2', x: 2, y: 0.2, lo: 0, hi: 1, n: 10 },
        { key: '8', x: 4, y: 0.5, lo: 0, hi: 1, n: 10 },
        { key: '32', x: 8, y: 0.6, lo: 0, hi: 1, n: 10 },
      ],
    };
    const fits = lineFits([
      { id: 'all', title: '', lines: [line, { ...line, id: 'b', data: line.data.slice(1) }] },
    ]);
    expect([...fits.keys()]).toEqual(['a']);
    const fit = fits.get('a');
    expect(fit && fitSentence(fit, 'generated')).toBe(
      '+20.0 points per doubling of tokens (95 % interval −2.2 to +42.2; 3 budgets, 30 runs)',
    );
    expect(fit && fitSentence(fit, 'calls')).toContain('per doubling of model calls');
  });

  it('signs the points', () => {
    expect(signedPoints(0.0614)).toBe('+6.1');
    expect(signedPoints(-0.031)).toBe('−3.1');
    expect(signedPoints(0.00004)).toBe('0.0');
  });
});

describe('jointLabel', () => {
  it('says a shared prefix once and joins the rest with =', () => {
    expect(jointLabel(['Best-of-N, PRM pick (mean)', 'Best-of-N, majority vote'])).toBe(
      'Best-of-N: PRM pick (mean) = majority vote',
    );
    expect(jointLabel(['Beam search (minimum)', 'MCTS, PRM as value'])).toBe(
      'Beam search (minimum) = MCTS, PRM as value',
    );
  });
});
