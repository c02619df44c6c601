import { z } from 'zod';
import type { AnyFieldSpec, AnySettingsTable } from '../core/settings/table';
import { rowsOf } from '../core/settings/table';

/**
 * The run file's schema for a settings group, derived from its table (core/settings/table.ts),
 * so the file accepts exactly the bounds the form and the link accept.
 */

/** The zod type of one field. */
function fieldSchema(spec: AnyFieldSpec): z.ZodType {
  switch (spec.type) {
    case 'number': {
      const n = z.number().min(spec.min).max(spec.max);
      const typed = spec.integer ? n.int() : n;
      return spec.whenMissing === undefined ? typed : typed.default(spec.whenMissing);
    }
    case 'choice':
      return z.enum(spec.options.map((o) => o.value) as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'text':
      return z.string().max(spec.maxLength);
  }
}

/** The zod shape of a settings table: one entry per field. */
export function shapeOf(table: AnySettingsTable): Record<string, z.ZodType> {
  return Object.fromEntries(rowsOf(table).map(([key, spec]) => [key, fieldSchema(spec)]));
}

/**
 * The object schema of a settings group with a discriminating tag (`algorithm: 'mcts'`,
 * `kind: 'simulated'`).
 */
export function taggedSchema(
  tag: string,
  value: string,
  table: AnySettingsTable,
): z.ZodObject<Record<string, z.ZodType>> {
  return z.object({ [tag]: z.literal(value), ...shapeOf(table) });
}
