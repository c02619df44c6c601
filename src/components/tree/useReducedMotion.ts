import { useMediaQuery } from '../useMediaQuery';

/** Whether the user asks for reduced motion: then nothing animates, and the same is shown. */
export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
