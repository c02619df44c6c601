/**
 * The smallest type in presentation mode, in CSS px: 24 screen px (the back row of a class
 * reading a projector), and never under 18 CSS px. The page's text (the tree's labels, the
 * narration, the lab's plot) reads it from here.
 * @example presentationFontPx(1) // 24; presentationFontPx(1.5) // 18 (27 screen px)
 */
export function presentationFontPx(devicePixelRatio: number): number {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  return Math.max(18, Math.ceil(24 / ratio));
}
