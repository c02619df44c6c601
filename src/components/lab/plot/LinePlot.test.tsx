import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinePlot } from './LinePlot';
import type { PlotLine } from './plotFrame';

const LINES: PlotLine[] = [
  {
    id: 'a',
    label: '<b>bold</b> strategy',
    color: '#123456',
    dash: '7 4',
    marker: 'square',
    data: [
      { key: '2', x: 10, y: 0.25, lo: 0, hi: 0.5 },
      { key: '8', x: 100, y: 0.5, lo: 0.5, hi: 0.5 },
    ],
  },
];

function render(selected = ''): string {
  return renderToStaticMarkup(
    <LinePlot
      title="Accuracy against tokens"
      lines={LINES}
      xType="log"
      xLabel="Tokens"
      theme="light"
      pointLabel={(line, d) => `${line.label} at ${d.key}`}
      tooltip={() => ['tip']}
      isSelected={(_l, d) => d.key === selected}
      onSelect={() => {}}
    />,
  );
}

describe('LinePlot', () => {
  it('draws each point as a focusable button named with its numbers', () => {
    const html = render('8');
    const buttons = [
      ...html.matchAll(
        /<g role="button" tabindex="0" aria-label="([^"]*)" aria-pressed="(true|false)"/g,
      ),
    ];
    expect(buttons.map((m) => [m[1], m[2]])).toEqual([
      ['&lt;b&gt;bold&lt;/b&gt; strategy at 2', 'false'],
      ['&lt;b&gt;bold&lt;/b&gt; strategy at 8', 'true'],
    ]);
    expect(html).toContain('aria-label="Accuracy against tokens"');
  });

  it('draws the line in its colour and dash, a whisker only where seeds differ, and a legend', () => {
    const html = render();
    expect(html).toContain('stroke="#123456" stroke-width="2" stroke-dasharray="7 4"');
    // One whisker (the first point spreads 0–50 %; the second has none).
    expect(html.match(/stroke-width="1.25"/g)).toHaveLength(1);
    expect(html).toContain('Tokens');
    // Labels are text, never markup.
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; strategy</text>');
  });
});
