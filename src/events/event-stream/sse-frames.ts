/**
 * Server-sent events framing (WHATWG HTML, "server-sent events"). A field value must not hold a line
 * break, or the client would read the rest as another field: ids and types are made single-line, and
 * multi-line data is sent as one `data:` line per line, which the client joins back with "\n".
 */
const LINE_BREAK = /\r\n|\r|\n/;

export function eventFrame(id: number, type: string, data: string): string {
  const lines = data.split(LINE_BREAK).map((line) => `data: ${line}`).join('\n');
  return `id: ${id}\nevent: ${singleLine(type)}\n${lines}\n\n`;
}

/**
 * A message with an id and no data: the client dispatches nothing, but remembers the id as its last
 * event id, so a reconnect before the first event still resumes from here (the spec sets the id before
 * it checks for empty data).
 */
export function bookmarkFrame(id: number, retryMs: number): string {
  return `retry: ${Math.max(0, Math.trunc(retryMs))}\nid: ${id}\n\n`;
}

/** A comment line: ignored by clients, but it keeps proxies and idle timeouts from closing the stream. */
export function commentFrame(text: string): string {
  return `: ${singleLine(text)}\n\n`;
}

function singleLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
