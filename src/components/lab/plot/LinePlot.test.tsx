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
      panels={[{ id: 'all', title: '', lines: LINES }]}
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

  it('draws the line in its colour and dash, a whisker only where the interval is wide, its name at its end and a legend button', () => {
    const html = render();
    expect(html).toContain('stroke="#123456" stroke-width="2" stroke-dasharray="7 4"');
    // One whisker (the first point spans 0–50 %; the second has none).
    expect(html.match(/stroke-width="1.25"/g)).toHaveLength(1);
    expect(html).toContain('Tokens');
    // Labels are text, never markup: at the line's end and in the legend (a toggle, pressed).
    expect(html).not.toContain('<b>');
    expect(html).toMatch(
      /data-end-label="a"[^>]*><tspan[^>]*>&lt;b&gt;bold&lt;\/b&gt; strategy<\/tspan>/,
    );
    expect(html).toMatch(
      /aria-pressed="true" data-legend="a"[^]*<span>&lt;b&gt;bold&lt;\/b&gt; strategy<\/span>/,
    );
  });

  it('draws small multiples on one shared x-axis, a panel title each, and a fitted line', () => {
    const other: PlotLine = {
      ...LINES[0]!,
      id: 'b',
      data: [{ key: '2', x: 1000, y: 1, lo: 1, hi: 1 }],
    };
    const html = renderToStaticMarkup(
      <LinePlot
        title="Panels"
        panels={[
          { id: 'p0', title: 'PRM noise 0', lines: LINES },
          { id: 'p1', title: 'PRM noise 0.5', lines: [other] },
        ]}
        fits={
          new Map([
            [
              'a',
              {
                slope: 0.1,
                intercept: 0,
                slopeLo: 0,
                slopeHi: 0.2,
                points: 3,
                runs: 9,
                xMin: 10,
                xMax: 100,
              },
            ],
          ])
        }
        xType="log"
        xLabel="Tokens"
        theme="light"
        pointLabel={(line, d) => `${line.label} at ${d.key}`}
        tooltip={() => []}
        isSelected={() => false}
        onSelect={() => {}}
      />,
    );
    expect(html).toContain('PRM noise 0</text>');
    expect(html).toContain('PRM noise 0.5</text>');
    // Both panels read against the domain of all points (10 to 1000): the tick "1k" in each.
    expect(html.match(/>1k<\/text>/g)).toHaveLength(2);
    expect(html).toContain('data-fit="a"');
    expect(html).not.toContain('data-fit="b"');
  });
});
