import { useEffect, useState } from 'react';
import { fetchTinyManifest } from '../../engines/tiny/browser/load';
import type { TinyManifest } from '../../engines/tiny/manifest';

/** The shipped manifest, fetched once per page. */
let pending: Promise<TinyManifest> | null = null;

/** The shipped tiny model's manifest, or null until it arrives (or if it cannot be read). */
export function useTinyManifest(): TinyManifest | null {
  const [manifest, setManifest] = useState<TinyManifest | null>(null);
  useEffect(() => {
    let live = true;
    pending ??= fetchTinyManifest();
    pending.then(
      (m) => {
        if (live) setManifest(m);
      },
      () => {
        pending = null; // the load status says why; a later mount tries again
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return manifest;
}
