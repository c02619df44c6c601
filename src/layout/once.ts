/**
 * `make` called at most once: the first call works the value out, later calls return it.
 * @example const shape = once(() => visibleTree(tree)); shape(); shape() // walks the tree once
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
