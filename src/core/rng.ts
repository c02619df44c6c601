/**
 * A small seeded pseudo-random generator (mulberry32), passed in explicitly wherever the
 * core or an engine needs randomness. Never use `Math.random`: the same seed must give the
 * same run, byte for byte.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A standard normal sample (Box–Muller). */
  normal(): number;
  /** A new generator whose stream depends on this one's state and a label. */
  fork(label: string): Rng;
}

/** Hashes a string to a 32-bit unsigned integer (FNV-1a). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Creates a mulberry32 generator from a seed.
 * @param seed any integer; only its low 32 bits are used
 * @example
 * const rng = createRng(42);
 * rng.int(6); // the same die roll on every run
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: (label) => createRng((Math.floor(next() * 4294967296) ^ hashString(label)) >>> 0),
  };
}
