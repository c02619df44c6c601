import { useSyncExternalStore } from 'react';

/** Tailwind's `xl` breakpoint: from here the visualizer has its right-hand column. */
const QUERY = '(min-width: 80rem)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.(QUERY).matches;
}

/** Whether the page is wide enough for the visualizer's three columns. */
export function useWide(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
