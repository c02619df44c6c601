/**
 * Where a link points inside a run: the event shown (the cursor, as a count of events
 * applied) and the node inspected. A link carries them beside the run's settings
 * (`?…&event=57&node=12`), so a researcher can send "look at this node at this event".
 */
export interface LinkedView {
  /** Events applied, or null (the run's end). */
  event: number | null;
  /** The node inspected, or null. */
  node: number | null;
}

const whole = (raw: string | null): number | null =>
  raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : null;

/**
 * The view a query names; anything that is not a whole number is ignored.
 * @example parseView('?seed=1&event=57&node=12') // {event: 57, node: 12}
 */
export function parseView(query: string | URLSearchParams): LinkedView {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  return { event: whole(params.get('event')), node: whole(params.get('node')) };
}

/**
 * The view's part of a query ('' when it names nothing): the event only when the cursor is
 * not at the run's end, the node only when one is inspected.
 * @example serializeView({ cursor: 57, eventCount: 211, selectedId: 12 }) // 'event=57&node=12'
 */
export function serializeView(v: {
  cursor: number;
  eventCount: number;
  selectedId: number | null;
}): string {
  const params = new URLSearchParams();
  if (v.eventCount > 0 && v.cursor !== v.eventCount) params.set('event', String(v.cursor));
  if (v.selectedId !== null) params.set('node', String(v.selectedId));
  return params.toString();
}
