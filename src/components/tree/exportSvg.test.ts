import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/tree/events';
import { ZERO_COST } from '../../core/tree/events';
import { reduce } from '../../core/tree/reduce';
import { child } from '../../layout/testTrees';
import { tidyTree } from '../../layout/tidyTree';
import { visibleTree } from '../../layout/visible';
import { pngScale } from './exportPng';
import { escapeXml, exportTitle, treeToSvg } from './exportSvg';
import { typedEntry } from '../../core/tasks/registry';
import { cardLayout, createCardBook } from '../../layout/card';
import { PALETTES } from './palette';

const PAYLOAD = '<img src=x onerror=alert(1)> & "quotes"';
const events: TraceEvent[] = [
  { type: 'start', algorithm: 'mcts', rootText: 'Use 4 6 8 8 <to> make 24' },
  {
    type: 'expand',
    iteration: 1,
    node: 0,
    children: [child(1, PAYLOAD), child(2), child(3)],
    cost: ZERO_COST,
  },
  { type: 'expand', iteration: 2, node: 1, children: [child(4), child(5)], cost: ZERO_COST },
  { type: 'terminal', node: 4, answer: '24', correct: true, kind: 'solved' },
];

function exported(theme: 'light' | 'dark', collapsed = new Set<number>()) {
  const tree = reduce(events);
  const visible = visibleTree(tree, { collapsed, topK: 2 });
  const cards = createCardBook(typedEntry('game24').shortStep);
  return treeToSvg({
    tree,
    layout: tidyTree(tree, { ...cardLayout(tree, cards), visible }),
    visible,
    onPath: new Set([0, 1]),
    palette: PALETTES[theme],
    cards,
    exactRule: true,
    title: exportTitle({ problem: '4 6 8 8', algorithm: 'mcts', event: 'event 4 of 4: terminal' }),
  });
}

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });
});

describe('treeToSvg', () => {
  it('writes step text only as escaped text, and no script or foreign markup', () => {
    const { svg } = exported('light');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(svg).not.toContain('<img');
    // The root's card is named by the task's short form of the problem; its full text is in
    // the card's <title>.
    expect(svg).toContain('Use 4 6 8 8 &lt;to&gt; make 24');
    expect(svg).not.toMatch(/<script|<foreignObject|\son\w+\s*=\s*"/i);
  });

  it('is slide-ready: a title line, and every drawn card with its step and numbers', () => {
    const { svg } = exported('light');
    expect(svg).toContain('>4 6 8 8 · MCTS · event 4 of 4: terminal</text>');
    // Steps of the drawn children (top 2 of the root's 3) as card titles, N and Q under each.
    expect(svg).toMatch(/data-card="title"[^>]*>step 2<\/text>/);
    expect(svg).toMatch(/data-card="title"[^>]*>step 4<\/text>/);
    expect(svg).toContain('>N 0 · Q 0.00</text>');
    // The solved leaf says so on its card.
    expect(svg).toMatch(/data-card="outcome"[^>]*>✓ 24<\/text>/);
  });

  it('includes the legend, the drawn nodes, stubs and badges, in the theme’s colours', () => {
    const light = exported('light', new Set([1]));
    expect(light.svg).toContain('PRM step score 0 → 1');
    expect(light.svg).toContain('+1 more'); // top 2 of the root's 3 children: one stub
    expect(light.svg).toContain('>+2</text>'); // node 1 folded over its two children
    expect(light.svg).toContain(`fill="${PALETTES.light.background}"`);
    const dark = exported('dark');
    expect(dark.svg).toContain(`fill="${PALETTES.dark.background}"`);
    expect(dark.svg).toContain('✓');
    expect(dark.width).toBeGreaterThan(0);
    expect(dark.height).toBeGreaterThan(0);
  });
});

describe('pngScale', () => {
  it('is 2× unless the picture would pass the canvas limits', () => {
    expect(pngScale(1000, 500)).toBe(2);
    expect(pngScale(20_000, 300)).toBeCloseTo(16_384 / 20_000);
    expect(pngScale(12_000, 12_000)).toBeCloseTo(16_384 / 12_000);
  });
});
