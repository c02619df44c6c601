import { useMediaQuery } from '../components/useMediaQuery';

/** Whether the page is as wide as Tailwind's `xl`, where the visualizer has its right column. */
export function useWide(): boolean {
  return useMediaQuery('(min-width: 80rem)');
}
