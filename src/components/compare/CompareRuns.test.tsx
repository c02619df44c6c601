import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../core/tree/events';
import { collectEvents } from '../../core/search/program';
import { DEFAULT_BEST_OF_N } from '../../core/search/settings';
import { shortKey } from '../../lab/sameNode';
import { DEFAULT_SETTINGS } from '../../run/settings';
import { searchProgram } from '../../run/startSearch';
import { PALETTES } from '../tree/palette';
import type { CompareFocus } from './compareModel';
import {
  CORRUPT_EVENTS,
  LEFT_EVENTS,
  RIGHT_EVENTS,
  expand,
  fanEvents,
  step,
} from './compareFixtures';
import { CompareRuns } from './CompareRuns';

const left = { title: 'k = 2', events: LEFT_EVENTS };
const right = { title: 'k = 32', events: RIGHT_EVENTS };

function render(
  l = left,
  r = right,
  initialSelected: CompareFocus | null = null,
  theme: 'light' | 'dark' = 'light',
) {
  return renderToStaticMarkup(
    <CompareRuns left={l} right={r} initialSelected={initialSelected} theme={theme} />,
  );
}

/** The markup of the element with `data-testid` `id` (to the end of its section). */
function section(html: string, id: string): string {
  const start = html.indexOf(`data-testid="${id}"`);
  if (start < 0) throw new Error(`no ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

const count = (html: string, needle: string) => html.split(needle).length - 1;
const text = (html: string) => html.replace(/<[^>]+>/g, '');
/** The path keys of the highlighted nodes, in order. */
const litKeys = (html: string) =>
  [...html.matchAll(/data-path-key="(p[0-9a-z]+)" data-highlighted="true"/g)].map((m) => m[1]);

describe('CompareRuns', () => {
  it('shows each side’s title, answer, compute and node count', () => {
    const l = text(section(render(), 'compare-left'));
    expect(l).toContain('k = 2');
    expect(l).toContain('Answer(7 - (8 - 4)) * 8 — correct');
    expect(l).toContain('Tokens generated25');
    expect(l).toContain('Model calls5');
    expect(l).toContain('Nodes5 (3 shared)');
    const r = text(section(render(), 'compare-right'));
    expect(r).toContain('Answer20 — wrong');
    expect(r).toContain('Tokens generated30');
    expect(r).toContain('Model calls4');
    expect(r).toContain('Nodes6 (4 shared)');
  });

  it('draws every node as a focusable tree item with its words, one tab stop per tree', () => {
    const html = render();
    const l = section(html, 'compare-left');
    expect(count(l, 'role="treeitem"')).toBe(5);
    expect(count(l, 'tabindex="0"')).toBe(1);
    expect(count(l, 'tabindex="-1"')).toBe(4);
    expect(l).toContain(`aria-label="Step &#x27;8 - 4 = 4&#x27;, N 1, Q 1.00, PRM 0.90"`);
    expect(count(section(html, 'compare-right'), 'role="treeitem"')).toBe(6);
    expect(html).not.toContain('data-highlighted');
    expect(text(section(html, 'compare-path'))).toContain('The line of the highlighted node');
  });

  it('highlights a selected node and every copy of it in the other run', () => {
    const html = render(left, right, { side: 'left', id: 1 });
    const key = shortKey('4 7 8 8\n8 - 4 = 4');
    expect(litKeys(section(html, 'compare-left'))).toEqual([key]);
    expect(litKeys(section(html, 'compare-right'))).toEqual([key, key]);
    expect(text(section(html, 'compare-right'))).toContain(
      'In this run 2 times: it wrote the same steps more than once.',
    );
    expect(text(section(html, 'compare-left'))).toContain('Highlighted here.');
    const path = section(html, 'compare-path');
    expect(count(path, 'data-shared="true"')).toBe(2);
    expect(text(path)).toContain('k = 32 has this whole line too.');
  });

  it('says “not in this run” and marks the shared prefix when there is no counterpart', () => {
    const html = render(left, right, { side: 'left', id: 4 });
    expect(litKeys(section(html, 'compare-right'))).toEqual([]);
    expect(litKeys(section(html, 'compare-left'))).toHaveLength(1);
    expect(text(section(html, 'compare-right'))).toContain(
      'Not in this run: it shares the first 1 step of that line, then takes other steps.',
    );
    const path = section(html, 'compare-path');
    expect(count(path, '<li')).toBe(4); // problem, 8 - 4, 7 - 4, 3 * 8
    expect(count(path, 'data-shared="true"')).toBe(2);
    expect(text(path)).toContain('k = 32 shares the first 1 step; the rest is only in k = 2.');
    expect(text(path)).toContain('step 3 · only here3 * 8 = 24');
  });

  it('selects from the right side too, and the node’s tab stop follows it', () => {
    const html = render(left, right, { side: 'right', id: 3 });
    const l = section(html, 'compare-left');
    expect(litKeys(l)).toHaveLength(1);
    expect(l).toMatch(/tabindex="0" aria-label="Step &#x27;8 - 4 = 4&#x27;/);
    expect(text(section(html, 'compare-right'))).toContain(
      'Highlighted here, with 1 more node writing the same steps.',
    );
  });

  it('renders markup in titles and step texts as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const events: TraceEvent[] = [
      { type: 'start', algorithm: 'mcts', rootText: '<b>4 7 8 8</b>' },
      expand(0, [step(1, evil)]),
    ];
    const html = render({ title: '<script>x()</script>', events }, right, {
      side: 'left',
      id: 1,
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(text(section(html, 'compare-path'))).toContain('onerror=alert(1)&gt;');
    expect(text(section(html, 'compare-right'))).toContain(
      'Not in this run: the two runs start from different problems.',
    );
  });

  it('shows why a side cannot be drawn and still draws the other', () => {
    const html = render(
      { title: 'broken', events: CORRUPT_EVENTS },
      { title: 'empty', events: [] },
    );
    expect(text(section(html, 'compare-left'))).toContain(
      'This run could not be read: event 1: expanded node 7 does not exist.',
    );
    expect(text(section(html, 'compare-right'))).toContain('This run has no events.');
    const one = render({ title: 'empty', events: [] }, right, { side: 'right', id: 1 });
    expect(count(section(one, 'compare-right'), 'role="treeitem"')).toBe(6);
    expect(litKeys(section(one, 'compare-right'))).toHaveLength(2); // node 1 and its copy 3
    expect(text(section(one, 'compare-left'))).toContain('This run has no events.');
  });

  it('rings highlighted nodes in the theme’s colour', () => {
    const dark = render(left, right, { side: 'left', id: 0 }, 'dark');
    expect(dark).toContain(`stroke="${PALETTES.dark.selected}"`);
    expect(dark).not.toContain(`stroke="${PALETTES.light.selected}"`);
  });

  it('folds a large simulated run to the top of the tree and says how many are hidden', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      search: { ...DEFAULT_BEST_OF_N, n: 128 },
    };
    const events = collectEvents(searchProgram(settings));
    const small = collectEvents(searchProgram({ ...settings, search: DEFAULT_BEST_OF_N }));
    const html = render({ title: 'n = 128', events }, { title: 'n = 8', events: small });
    const l = section(html, 'compare-left');
    const m =
      /Showing (\d+) of (\d+) nodes: each node keeps its (\d+) children with the most visits/.exec(
        text(l),
      );
    expect(m).not.toBeNull();
    const [shown, total] = [Number(m?.[1]), Number(m?.[2])];
    expect(total).toBeGreaterThan(300);
    expect(shown).toBeLessThanOrEqual(300);
    expect(count(l, 'role="treeitem"')).toBe(shown);
    expect(text(section(html, 'compare-right'))).not.toContain('Showing');
    // The answer's line stays drawn through the folding.
    const done = events.at(-1);
    expect(done?.type === 'done' && done.node !== null).toBe(true);
    if (done?.type === 'done' && done.node !== null) {
      expect(l).toContain(`data-compare-node="${done.node}"`);
    }
  });

  it('draws the counterpart of a selection even where the tree is folded', () => {
    const wide = { title: 'wide', events: fanEvents(500, 1) };
    const one: TraceEvent[] = [
      { type: 'start', algorithm: 'best-of-n', rootText: 'root' },
      expand(0, [step(1, 'line 499 step 0')]),
    ];
    const narrow = { title: 'narrow', events: one };
    // Unselected, node 500 ('line 499 step 0', ranked last) is folded away.
    expect(section(render(wide, narrow), 'compare-left')).not.toContain('data-compare-node="500"');
    const html = render(wide, narrow, { side: 'right', id: 1 });
    const l = section(html, 'compare-left');
    expect(l).toMatch(/data-compare-node="500" data-path-key="p[0-9a-z]+" data-highlighted="true"/);
    expect(count(l, 'role="treeitem"')).toBe(40); // the root, the top 38 and node 500
    expect(text(l)).toContain('Showing 40 of 501 nodes');
  });
});
