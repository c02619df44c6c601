import { z } from 'zod';

/**
 * A quick yes/no check of values against a zod schema, compiled once from the schema's own
 * JSON Schema (`z.toJSONSchema`), for the run file's events: zod's parse builds a new object
 * for every value it checks and, with its JIT off (`run/zodJitless.ts`), took 1–2.6 s for the
 * 100,000 events of a 75 MB run file here; a check that only reads takes a fraction of that.
 *
 * It is a gate, never the judge: `true` means the value passes the schema and zod's parse
 * would return an equal value (no field it would strip or change); `false` means "ask zod",
 * which then gives the result and the error message as always. It knows only the keywords
 * the events' schema uses; a schema with any other keyword fails to compile (and callers
 * use zod alone).
 */
export type FastCheck = (value: unknown) => boolean;

type JsonSchema = Record<string, unknown>;

/** The keywords {@link compileFastCheck} knows; any other one makes it refuse the schema. */
const KNOWN = new Set([
  '$schema',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'oneOf',
  'anyOf',
  'propertyNames',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One JSON type, as JSON Schema names it. */
function typeCheck(type: string): FastCheck {
  switch (type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return (v) => typeof v === 'number' && Number.isSafeInteger(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'array':
      return Array.isArray;
    case 'object':
      return isObject;
    default:
      throw new Error(`fastCheck: unknown type ${type}`);
  }
}

/** The checks of one schema node, all of which must pass. */
function compile(schema: JsonSchema): FastCheck {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`fastCheck: unsupported keyword ${key}`);
  }
  const checks: FastCheck[] = [];
  const { type } = schema;
  if (typeof type === 'string') checks.push(typeCheck(type));
  else if (Array.isArray(type)) {
    const each = type.map((t) => typeCheck(String(t)));
    checks.push((v) => each.some((c) => c(v)));
  }
  if ('const' in schema) {
    const c = schema.const;
    checks.push((v) => v === c);
  }
  if (Array.isArray(schema.enum)) {
    const allowed = new Set(schema.enum);
    checks.push((v) => allowed.has(v));
  }
  const num = (key: string, pass: (v: number, bound: number) => boolean) => {
    const bound = schema[key];
    if (typeof bound === 'number') checks.push((v) => typeof v !== 'number' || pass(v, bound));
  };
  num('minimum', (v, b) => v >= b);
  num('maximum', (v, b) => v <= b);
  num('exclusiveMinimum', (v, b) => v > b);
  num('exclusiveMaximum', (v, b) => v < b);
  const len = (key: string, pass: (n: number, bound: number) => boolean) => {
    const bound = schema[key];
    if (typeof bound !== 'number') return;
    checks.push((v) => (typeof v === 'string' || Array.isArray(v) ? pass(v.length, bound) : true));
  };
  len('minLength', (n, b) => n >= b);
  len('maxLength', (n, b) => n <= b);
  len('minItems', (n, b) => n >= b);
  len('maxItems', (n, b) => n <= b);
  if (isObject(schema.items)) {
    const item = compile(schema.items);
    checks.push((v) => {
      if (!Array.isArray(v)) return true;
      for (let i = 0; i < v.length; i++) if (!item(v[i])) return false; // holes fail too
      return true;
    });
  }
  if (isObject(schema.properties) || isObject(schema.additionalProperties)) {
    checks.push(objectCheck(schema));
  }
  if (isObject(schema.propertyNames)) {
    const name = compile(schema.propertyNames);
    checks.push((v) => !isObject(v) || Object.keys(v).every(name));
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) checks.push(unionCheck(options as JsonSchema[]));
  }
  return (v) => {
    for (const check of checks) if (!check(v)) return false;
    return true;
  };
}

/**
 * An object: every property it has is known (zod would strip an unknown one, so the value
 * would change: ask zod) or, for a record, passes `additionalProperties`; every required one
 * is there; each passes its schema. An `undefined` property fails (JSON has none).
 */
function objectCheck(schema: JsonSchema): FastCheck {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const shape = new Map(Object.entries(properties).map(([k, s]) => [k, compile(s as JsonSchema)]));
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const extra = isObject(schema.additionalProperties) ? compile(schema.additionalProperties) : null;
  return (v) => {
    if (!isObject(v)) return true; // the type check says no
    for (const key of required) if (!(key in v)) return false;
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      const check = shape.get(key) ?? extra;
      if (!check || !check(v[key])) return false;
    }
    return true;
  };
}

/** The `const` of a property of an object schema, or undefined when it has none. */
function constOf(o: JsonSchema, key: string): { value: unknown } | undefined {
  const s = isObject(o.properties) ? o.properties[key] : undefined;
  return isObject(s) && 'const' in s ? { value: s.const } : undefined;
}

/**
 * A union: for zod's discriminated unions (objects told apart by one `const` property, whose
 * values differ from option to option — in a nested union, where every option has the same
 * `type`, that is the inner discriminator) the option is picked by that property; otherwise
 * any option that passes.
 */
function unionCheck(options: JsonSchema[]): FastCheck {
  const compiled = options.map(compile);
  const first = options[0];
  const keys = first && isObject(first.properties) ? Object.keys(first.properties) : [];
  const key = keys.find((k) => {
    const values = options.map((o) => constOf(o, k));
    return (
      values.every((c) => c !== undefined) &&
      new Set(values.map((c) => c?.value)).size === options.length
    );
  });
  if (key !== undefined) {
    const byTag = new Map(
      options.map((o, i) => [constOf(o, key)?.value, compiled[i] as FastCheck]),
    );
    return (v) => {
      if (!isObject(v)) return false;
      const check = byTag.get(v[key]);
      return check !== undefined && check(v);
    };
  }
  return (v) => compiled.some((c) => c(v));
}

/**
 * Compiles the quick check of a zod schema (see {@link FastCheck}).
 * @throws Error when the schema uses a JSON Schema keyword the check does not know
 */
export function compileFastCheck(schema: z.ZodType): FastCheck {
  return compile(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema);
}
