import type { Stance } from './api.js';

export function stanceLabel(stance: Stance | string): string {
  return stance.replace('_', ' ');
}

export function kindLabel(kind: string): string {
  return kind.replace('_', ' ');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022` → "2022 (day unknown)", `2025-02` → "February 2025 (day unknown)", `2025-02-04` → "4 February 2025". */
export function statedAtLabel(statedAt: string): string {
  const [year, month, day] = statedAt.split('-');
  if (day) return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  if (month) return `${MONTHS[Number(month) - 1]} ${year} (day unknown)`;
  return `${year} (month and day unknown)`;
}

/** A timestamp as a reader of this page reads it, in their own time zone. */
export function timestampLabel(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Builds an element with text content only: nothing from the API is ever parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attributes: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

/** A link only for web URLs: a `javascript:` URL in a source record is shown as text. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
