import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reduce } from '../core/tree/reduce';
import { CURRENT_VERSION, MIGRATIONS, migratableVersion, migrate, v1ToV2 } from './migrations';
import type { RunFileV1 } from './runFile';
import { makeRunFile } from './runFile';
import { parseRunFile } from './parseRunFile';

/**
 * A version-1 file as Arbor wrote it before version 2 (made with that day's `makeRunFile`:
 * MCTS, 4 iterations, seed 3, the simulated engine). It must keep opening.
 */
const V1_TEXT = readFileSync(new URL('./fixtures/run-v1.json', import.meta.url), 'utf8');
const v1 = JSON.parse(V1_TEXT) as RunFileV1;

describe('run file migrations', () => {
  it('has one step per older version, in order, ending at the current version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([1]);
    expect(CURRENT_VERSION).toBe(2);
  });

  it('v1 → v2 keeps the settings, events and date, and adds no name or source', () => {
    const v2 = v1ToV2(v1);
    expect(v2).toEqual({ ...v1, version: 2 });
    expect(Object.keys(v2).sort()).toEqual([
      'createdAt',
      'events',
      'format',
      'settings',
      'version',
    ]);
    expect(v2.events).toBe(v1.events); // moved, not copied
  });

  it('v1 → v2 drops fields version 1 did not have (a v1 reader ignored them)', () => {
    const extra = { ...v1, name: 42, source: 'somewhere', comment: 'hi' };
    expect(v1ToV2(extra)).toEqual({ ...v1, version: 2 });
    // Such a file opens, as it did in version 1 (a stray `name: 42` would fail the v2 schema).
    expect(parseRunFile(extra).ok).toBe(true);
  });

  it('migrate runs the steps from the file version and leaves anything else alone', () => {
    expect(migrate(v1)).toEqual({ ...v1, version: 2 });
    const current = makeRunFile(v1.settings, v1.events, v1.createdAt);
    expect(migrate(current)).toBe(current);
    for (const other of [null, 'text', 3, [], { version: 3 }, { version: '1' }, { version: 0 }]) {
      expect(migrate(other)).toBe(other);
    }
    expect(migratableVersion(v1)).toBe(1);
    expect(migratableVersion(current)).toBeNull();
  });

  it('a version-1 file from before version 2 opens with the same tree', () => {
    const parsed = parseRunFile(V1_TEXT);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.file).toEqual({ ...v1, version: 2 });
    const tree = parsed.trace.treeAt(parsed.trace.length);
    expect(tree).toEqual(reduce(v1.events));
    // By hand from the fixture: 4 iterations of 3 children each, the last backprop sets the
    // root to N = 4, W = 2.209421177918557 and node 1 to N = 2; the search found no answer.
    expect(parsed.trace.length).toBe(32);
    expect(tree.nodes).toHaveLength(13);
    expect(tree.nodes[0]).toMatchObject({
      N: 4,
      W: 2.209421177918557,
      text: 'Use 4 6 8 8 with + − × ÷ to make 24.',
    });
    expect(tree.nodes[1]?.N).toBe(2);
    expect(tree.done).toMatchObject({ answer: null, reason: 'none' });
  });

  it('a broken version-1 file is refused with the field path', () => {
    const broken = structuredClone(v1) as unknown as { events: Record<string, unknown>[] };
    broken.events[7] = { ...broken.events[7], updates: [{ id: 0, N: -1, W: 0 }] };
    const parsed = parseRunFile(broken);
    expect(parsed.ok ? '' : parsed.error).toContain('events.7.updates.0.N');
    expect(parseRunFile({ ...v1, settings: undefined })).toMatchObject({
      ok: false,
      error: expect.stringContaining('settings: ') as unknown,
    });
  });
});
