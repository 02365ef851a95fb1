/**
 * Text from the records (summaries, quotes, titles) goes into the Markdown as text: characters that
 * would make it a link, an image, emphasis, HTML or a table cell break are backslash-escaped, so what a
 * statement says cannot change how the report renders.
 */
export function mdText(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_{}[\]<>#|~!&]/g, '\\$&');
}

/** A verbatim quote as a blockquote, its line breaks kept, no line able to start a list or heading. */
export function mdBlockquote(text: string): string {
  return text.split(/\r\n?|\n/).map((line) => {
    const escaped = mdText(line.trim()).replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
    return escaped === '' ? '>' : `> ${escaped}`;
  }).join('\n');
}

/** A link only for http(s) URLs (no `javascript:`), in the `<...>` form so spaces or parentheses cannot end it. */
export function mdLink(title: string, url: string | null): string {
  if (url === null || !/^https?:\/\//i.test(url)) return mdText(title);
  return `[${mdText(title)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** `strongly_oppose` → `strongly oppose`. */
export function words(code: string): string {
  return code.replaceAll('_', ' ');
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
