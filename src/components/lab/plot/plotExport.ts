import { download, pngScale, svgToPng } from '../../tree/exportPng';

/**
 * The plot's SVG and PNG export: the drawn `<svg>` element cloned with its computed
 * presentation styles written inline (so the file renders standalone, without the page's
 * CSS), its focus and button attributes removed, and a fixed size from its viewBox; the PNG
 * is that file drawn on a canvas at 2× (`exportPng.ts`). The styles are written as SVG
 * presentation attributes (`fill="…"`), not `style="…"`: the page's Content-Security-Policy
 * (`style-src 'self'`) rightly refuses style attributes, and a file reads both alike.
 */

/** Presentation properties copied inline. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
] as const;

/** Attributes that belong to the page, not to a picture. */
const PAGE_ATTRS = ['tabindex', 'role', 'aria-pressed', 'aria-describedby', 'class'] as const;

/** The serialized plot and its size in CSS pixels. */
export interface PlotFile {
  svg: string;
  width: number;
  height: number;
}

/** Serializes a drawn plot to a standalone SVG document. */
export function serializePlot(svg: SVGSVGElement): PlotFile {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(el);
    const parent = el.parentElement && el !== svg ? getComputedStyle(el.parentElement) : null;
    for (const prop of STYLE_PROPS) {
      const value = computed.getPropertyValue(prop);
      // Written where the element does not say it and does not inherit it unchanged.
      if (value === '' || copy.hasAttribute(prop)) continue;
      if (parent && parent.getPropertyValue(prop) === value) continue;
      copy.setAttribute(prop, value);
    }
    for (const attr of PAGE_ATTRS) copy.removeAttribute(attr);
  });
  const [, , w = 640, h = 400] = (svg.getAttribute('viewBox') ?? '')
    .split(/\s+/)
    .map(Number)
    .filter((n) => Number.isFinite(n));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  return { svg: new XMLSerializer().serializeToString(clone), width: w, height: h };
}

/** Saves the plot as `<name>.svg` or `<name>.png` (2×). */
export async function savePlot(
  svg: SVGSVGElement,
  kind: 'svg' | 'png',
  name: string,
): Promise<void> {
  const file = serializePlot(svg);
  if (kind === 'svg') {
    download(new Blob([file.svg], { type: 'image/svg+xml' }), `${name}.svg`);
    return;
  }
  const png = await svgToPng(file.svg, file.width, file.height, pngScale(file.width, file.height));
  download(png, `${name}.png`);
}
