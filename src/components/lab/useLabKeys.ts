import { useEffect } from 'react';
import { setHelpOpen, setLabPage, setPresenting, togglePresenting, useArbor } from '../../store';

/** Whether a key press belongs to a field that takes typing. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return target.isContentEditable || tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
}

/**
 * The page-level keys that are not the visualizer's: L switches between the visualizer and
 * the effort lab (listed in the help overlay); on the lab page, where the visualizer's
 * stepping keys are off, ? opens the help and Esc closes it, and P turns presentation mode
 * (the plot in large type) on and off, Esc leaving it. Ignored while typing in a field,
 * with Ctrl, ⌘ or Alt held, and for a key a focused control already handled.
 */
export function useLabKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
      const { helpOpen, lab, comparison } = useArbor.getState();
      if (comparison !== null) return; // the comparison has its own keys
      if (helpOpen) {
        if (lab.page === 'lab' && e.key === 'Escape') {
          setHelpOpen(false);
          e.preventDefault();
        }
        return;
      }
      if (e.key === 'l' || e.key === 'L') {
        e.preventDefault();
        setLabPage(lab.page === 'lab' ? 'visualizer' : 'lab');
      } else if (lab.page === 'lab' && e.key === '?') {
        e.preventDefault();
        setHelpOpen(true);
      } else if (lab.page === 'lab' && (e.key === 'p' || e.key === 'P')) {
        e.preventDefault();
        togglePresenting();
      } else if (lab.page === 'lab' && e.key === 'Escape' && useArbor.getState().presenting) {
        e.preventDefault();
        setPresenting(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
