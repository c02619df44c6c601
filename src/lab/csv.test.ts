import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE } from '../run/settings';
import { aggregateGrid } from './aggregate';
import { csvField, pointsCsv, runsCsv } from './csv';
import { planGrid } from './grid';
import type { CellResult, GridSpec } from './types';

/** A minimal RFC 4180 reader, to check that what is written reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-3')).toBe("'-3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(null)).toBe('');
  });

  it('reads back as the text written (with the formula guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (fields) => {
        const line = `${fields.map(csvField).join(',')}\r\n`;
        const [row] = parseCsv(line);
        expect(row).toEqual(fields.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f)));
      }),
    );
  });
});

describe('runsCsv and pointsCsv', () => {
  const spec: GridSpec = {
    task: 'game24',
    problemIds: ['g24-001', 'g24-002'],
    engine: DEFAULT_ENGINE,
    strategies: ['bon-majority'],
    budgets: [2],
    seeds: [1],
    experiment: { kind: 'budget' },
  };
  const cells = planGrid(spec);
  const [a, b] = cells;
  const results = new Map<string, CellResult>([
    [
      a?.id ?? '',
      {
        cellId: a?.id ?? '',
        status: 'failed',
        answer: null,
        cost: { generated: 12, prefilled: 30, proposerCalls: 2, judgeCalls: 3 },
        events: 7,
        ms: 5,
        error: 'model said "=1+1", then stopped',
      },
    ],
  ]);

  it('writes one row per finished run, with its error text kept as text', () => {
    const text = runsCsv(spec, cells, results);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'problem',
      'strategy',
      'budget',
      'seed',
      'variable',
      'arm',
      'role',
      'status',
      'answer',
      'generated',
      'prefilled',
      'proposer_calls',
      'judge_calls',
      'events',
      'error',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'g24-001',
        'bon-majority',
        '2',
        '1',
        '',
        '',
        'run',
        'failed',
        '',
        '12',
        '30',
        '2',
        '3',
        '7',
        'model said "=1+1", then stopped',
      ],
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(b && results.has(b.id)).toBe(false);
  });

  it('writes one row per point', () => {
    const rows = parseCsv(pointsCsv(aggregateGrid(spec, cells, results), spec));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      'bon-majority|-|-',
      'Best-of-N, majority vote',
      'bon-majority',
      '',
      '',
      '2',
      '0',
      '0',
      '0',
      '0',
      '12',
      '5',
      '1',
      '0',
      '1',
      '0',
    ]);
  });
});
