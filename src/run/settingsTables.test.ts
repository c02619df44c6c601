import { describe, expect, it } from 'vitest';
import type { Algorithm } from '../core/search/settings';
import { DEFAULT_SEARCH } from '../core/search/settings';
import { SEARCH_TABLES } from '../core/search/settingsTable';
import type { AnyFieldSpec, AnySettingsTable } from '../core/settings/table';
import { checkValue, rowsOf } from '../core/settings/table';
import { ENGINES } from '../engines/registry';
import { runSettingsSchema } from './schema';
import type { RunSettings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import { parseSettings, serializeSettings } from './urlState';

/**
 * One table per settings group gives the form's bounds, the link's codec and the run file's
 * schema: for every number field, the three accept its bounds and refuse one step past them.
 */

type Group = { name: string; table: AnySettingsTable; settings: RunSettings; path: string };

const groups: Group[] = [
  ...(Object.keys(SEARCH_TABLES) as Algorithm[]).map((a) => ({
    name: a,
    table: SEARCH_TABLES[a],
    settings: { ...DEFAULT_SETTINGS, search: DEFAULT_SEARCH[a] },
    path: 'search',
  })),
  ...ENGINES.map((e) => ({
    name: e.kind,
    table: e.table,
    settings: { ...DEFAULT_SETTINGS, engine: e.defaults },
    path: 'engine',
  })),
];

function withField(g: Group, field: string, value: unknown): RunSettings {
  const group = g.path === 'search' ? g.settings.search : g.settings.engine;
  return { ...g.settings, [g.path]: { ...group, [field]: value } } as RunSettings;
}

function numberRows(table: AnySettingsTable) {
  return rowsOf(table).filter(
    (r): r is [string, Extract<AnyFieldSpec, { type: 'number' }>] => r[1].type === 'number',
  );
}

describe.each(groups)('$name settings: form, link and run file agree', (g) => {
  it('defaults fit every field and the schema', () => {
    const group = (g.path === 'search'
      ? g.settings.search
      : g.settings.engine) as unknown as Record<string, unknown>;
    for (const [field, spec] of rowsOf(g.table)) expect(checkValue(spec, group[field])).toBeNull();
    expect(runSettingsSchema.safeParse(g.settings).success).toBe(true);
  });

  it.each(numberRows(g.table))('%s: the bounds are the same everywhere', (field, spec) => {
    const past = spec.max + (spec.integer ? 1 : (spec.step ?? 0.1));
    for (const v of [spec.min, spec.max]) {
      expect(checkValue(spec, v)).toBeNull();
      expect(runSettingsSchema.safeParse(withField(g, field, v)).success).toBe(true);
    }
    const tooBig = runSettingsSchema.safeParse(withField(g, field, past));
    expect(tooBig.success).toBe(false);
    expect(tooBig.error?.issues[0]?.path).toEqual([g.path, field]);
    expect(checkValue(spec, past)).toMatch(/^.+ must be a (whole )?number from .+ to .+\.$/);
    if (spec.url === undefined) return;
    const url = spec.url;
    const set = (v: number) => {
      const params = new URLSearchParams(serializeSettings(g.settings));
      params.set(url, String(v));
      return parseSettings(params)[g.path === 'search' ? 'search' : 'engine'];
    };
    expect((set(spec.max) as unknown as Record<string, unknown>)[field]).toBe(spec.max);
    expect(set(past)).toEqual(g.path === 'search' ? g.settings.search : g.settings.engine);
  });
});

describe('range messages', () => {
  it('say the allowed range in words', () => {
    expect(checkValue(SEARCH_TABLES.mcts.iterations, 0)).toBe(
      'Iterations must be a whole number from 1 to 100,000.',
    );
    expect(checkValue(SEARCH_TABLES.mcts.c, 101)).toBe(
      'Exploration constant c must be a number from 0 to 100.',
    );
    expect(checkValue(SEARCH_TABLES.mcts.iterations, 2.5)).toMatch(/whole number/);
  });
});
