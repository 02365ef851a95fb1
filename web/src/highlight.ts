/**
 * The service's search highlight (`text with <mark>words</mark>`) as DOM nodes, treated as untrusted: it is
 * parsed in an inert document and rebuilt from scratch, and only when it holds nothing but text and `<mark>`
 * elements without attributes, each holding text only. Anything else gives null and the caller shows
 * plain text instead; nothing the service sends is ever inserted as parsed.
 */
export function highlightNodes(html: string): Node[] | null {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  const nodes: Node[] = [];
  for (const child of parsed.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      nodes.push(document.createTextNode(child.textContent ?? ''));
    } else if (isPlainMark(child)) {
      const mark = document.createElement('mark');
      mark.textContent = child.textContent;
      nodes.push(mark);
    } else {
      return null;
    }
  }
  return nodes;
}

function isPlainMark(node: Node): node is HTMLElement {
  return node instanceof HTMLElement && node.localName === 'mark' && node.attributes.length === 0
    && [...node.childNodes].every((inner) => inner.nodeType === Node.TEXT_NODE);
}
