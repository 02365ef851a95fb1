/// <reference lib="dom" />
// Runs in the page (page.evaluate): it is typed against the DOM and must not use anything from outside itself.

/**
 * Text that falls short of WCAG AA contrast (4.5:1; 3:1 for large text) against the background it is drawn
 * on: the first opaque background colour up its ancestors, white if none. For every visible element
 * matched by `selector` that holds text of its own.
 */
export function lowContrastText(selector: string): string[] {
  const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const [R, G, B] = [r, g, b].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const background = (element: Element | null): number[] => {
    for (let e = element; e; e = e.parentElement) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
      if (a >= 1) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const found: string[] = [];
  for (const element of document.querySelectorAll(selector)) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!ownText || element.getBoundingClientRect().width === 0) continue;
    const style = getComputedStyle(element);
    const colour = rgb(element instanceof SVGElement ? style.fill : style.color);
    const [light, dark] = [luminance(colour), luminance(background(element))].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) found.push(`"${element.textContent!.trim().slice(0, 40)}" ${ratio.toFixed(2)}:1`);
  }
  return found;
}
