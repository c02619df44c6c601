import type { CSSProperties, RefObject } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { presentationFontPx } from '../layout/presentationFont';
import { useArbor } from '../store';

/**
 * Presentation mode's page-level pieces: the type size, the tree's height, the scroll
 * position kept across the mode, and the tree kept in view while stepping on a narrow page.
 */

/** The device pixel ratio (browser zoom included), updated when it changes. */
function useDevicePixelRatio(): number {
  const [ratio, setRatio] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const onResize = () => setRatio(window.devicePixelRatio || 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return ratio;
}

/**
 * The page root's presentation attributes: `data-presentation="on" | "off"` and the CSS
 * variables `--arbor-presentation` (1 or 0) and `--arbor-presentation-font` (the smallest
 * type size in presentation mode, e.g. `18px`) that the tree may read for its own labels.
 */
export function usePresentationRoot(): {
  'data-presentation': 'on' | 'off';
  style: CSSProperties;
} {
  // The visualizer's tree and the effort lab's plot (issue 16) both take the screen.
  const on = useArbor((s) => s.presenting);
  const font = presentationFontPx(useDevicePixelRatio());
  return {
    'data-presentation': on ? 'on' : 'off',
    style: {
      '--arbor-presentation': on ? 1 : 0,
      '--arbor-presentation-font': `${font}px`,
    } as CSSProperties,
  };
}

/**
 * Gives the tree the rest of the screen in presentation mode: `--arbor-tree-height` on the
 * tree's slot is the viewport's height below the slot's top, minus what the tree's figure
 * draws around its frame (toolbar, legend) and a margin. Outside presentation mode the
 * variable is removed and the tree keeps its own height. Entering remembers the page's
 * scroll position and leaving restores it.
 */
export function usePresentationLayout(slot: RefObject<HTMLElement | null>): void {
  const on = useArbor((s) => s.presenting);
  const saved = useRef<number | null>(null);
  // The scroll position outside the mode, kept as it changes: by the time the mode's effect
  // runs the page has already become short and the browser has scrolled it to the top.
  const outside = useRef(0);
  useEffect(() => {
    if (on) return;
    const keep = () => {
      if (document.querySelector('[data-presentation="on"]') === null)
        outside.current = window.scrollY;
    };
    keep();
    window.addEventListener('scroll', keep, { passive: true });
    return () => window.removeEventListener('scroll', keep);
  }, [on]);
  useLayoutEffect(() => {
    const el = slot.current;
    if (!el) return;
    if (!on) {
      // Once the whole page has left the mode and laid out again (long enough to scroll).
      const y = saved.current;
      saved.current = null;
      if (y === null) return;
      const frame = requestAnimationFrame(() => window.scrollTo(0, y));
      return () => cancelAnimationFrame(frame);
    }
    saved.current = outside.current;
    window.scrollTo(0, 0);
    let watched: Element | null = null;
    const observer = new ResizeObserver(() => fit());
    const fit = () => {
      const figure = el.querySelector('figure');
      // The legend under the tree changes height with the run: watch the figure itself (the
      // slot keeps its grid height when the figure overflows it).
      if (figure !== watched) {
        if (watched) observer.unobserve(watched);
        if (figure) observer.observe(figure);
        watched = figure;
      }
      // The frame the tree draws in (the find bar above it hides in this mode).
      const frame = figure?.querySelector(':scope > [data-tree-frame]');
      const around =
        figure && frame instanceof HTMLElement ? figure.offsetHeight - frame.offsetHeight : 0;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const height = `${Math.floor(Math.max(160, window.innerHeight - top - Math.max(0, around) - 10))}px`;
      if (el.style.getPropertyValue('--arbor-tree-height') !== height)
        el.style.setProperty('--arbor-tree-height', height);
    };
    fit();
    observer.observe(el);
    observer.observe(document.body);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
      el.style.removeProperty('--arbor-tree-height');
    };
  }, [on, slot]);
}

/**
 * Keeps the tree in view while stepping: when the cursor moves and the tree's slot is
 * mostly out of the viewport (a narrow page, where the settings come first), the view
 * scrolls so that the playback bar, the phase strip, the narration and the tree show. Not
 * while the timeline is being dragged (the pointer is on it, below the tree).
 */
export function useKeepTreeInView(
  top: RefObject<HTMLElement | null>,
  slot: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    // While playing, only the first move looks (and scrolls): the check lays the page out,
    // which every frame of a fast playback cannot afford, and a user who then scrolls away
    // to the settings is left there.
    let looked = false;
    return useArbor.subscribe((s, before) => {
      if (s.cursor === before.cursor || s.presenting) return;
      if (s.playing && looked) return;
      looked = s.playing;
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.getAttribute('role') === 'slider') return;
      const el = slot.current;
      if (!el) return;
      const box = el.getBoundingClientRect();
      const shown = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
      if (shown >= Math.min(box.height, window.innerHeight) / 2) return;
      top.current?.scrollIntoView({ block: 'start' });
    });
  }, [top, slot]);
}
