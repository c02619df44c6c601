import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { parseView, serializeView } from './linkedView';
import { parseSettings, serializeSettings } from './urlState';

describe('a link to an event and a node', () => {
  it('reads whole numbers and ignores anything else', () => {
    expect(parseView('?seed=1&event=57&node=12')).toEqual({ event: 57, node: 12 });
    expect(parseView('event=-3&node=1.5')).toEqual({ event: null, node: null });
    expect(parseView('event=<script>&node=')).toEqual({ event: null, node: null });
    expect(parseView('')).toEqual({ event: null, node: null });
  });

  it('writes the event only away from the end, the node only when one is inspected', () => {
    expect(serializeView({ cursor: 57, eventCount: 211, selectedId: 12 })).toBe('event=57&node=12');
    expect(serializeView({ cursor: 211, eventCount: 211, selectedId: null })).toBe('');
    expect(serializeView({ cursor: 0, eventCount: 211, selectedId: null })).toBe('event=0');
    expect(serializeView({ cursor: 0, eventCount: 0, selectedId: null })).toBe('');
  });

  it("leaves the run's settings as they were: the settings reader ignores the view's keys", () => {
    const query = `${serializeSettings(DEFAULT_SETTINGS)}&event=5&node=3`;
    expect(parseSettings(query)).toEqual(DEFAULT_SETTINGS);
    expect(parseView(query)).toEqual({ event: 5, node: 3 });
  });
});
