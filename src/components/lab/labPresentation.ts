import { useEffect, useLayoutEffect, useRef } from 'react';
import { useArbor } from '../../store';

/**
 * Presentation mode on the effort lab's page (issue 16): what hides (kept mounted, so
 * leaving restores it as it was), and the page's scroll position kept across the mode.
 */

/** Hidden in presentation mode (kept mounted). */
export const OFF_STAGE = 'presentation:hidden';

/**
 * Entering presentation mode scrolls to the top (the plot fills the screen below the header)
 * and leaving scrolls back to where the page was.
 */
export function useKeepScrollAcrossPresentation(): void {
  const on = useArbor((s) => s.presenting);
  // The scroll position outside the mode, kept as it changes: by the time the mode's effect
  // runs the page has already become short and the browser has scrolled it to the top.
  const outside = useRef(0);
  const saved = useRef<number | null>(null);
  useEffect(() => {
    if (on) return;
    const keep = () => {
      outside.current = window.scrollY;
    };
    keep();
    window.addEventListener('scroll', keep, { passive: true });
    return () => window.removeEventListener('scroll', keep);
  }, [on]);
  useLayoutEffect(() => {
    if (on) {
      saved.current = outside.current;
      window.scrollTo(0, 0);
      return;
    }
    const y = saved.current;
    saved.current = null;
    if (y === null) return;
    // Once the page has laid out again (long enough to scroll).
    const frame = requestAnimationFrame(() => window.scrollTo(0, y));
    return () => cancelAnimationFrame(frame);
  }, [on]);
}
