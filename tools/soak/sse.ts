/**
 * A server-sent-events client of GET /v1/events/stream that checks what a live reader must get: every
 * event once. It takes the log position from each message's `id:` (or its data's `position`). Positions
 * are not checked for order: the log is read in commit-safe (transaction, position) order, in which a
 * later position may come first.
 */
export class EventStreamClient {
  messages = 0;
  readonly seen = new Set<number>();
  failure: string | undefined;
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly url: string, private readonly key?: string) {}

  /** Connects; answers the HTTP status (404 when the service has no event stream). */
  async open(): Promise<number> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (this.key) headers.Authorization = `Bearer ${this.key}`;
    const response = await fetch(this.url, { headers, signal: this.abort.signal });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      return response.status;
    }
    this.done = this.read(response.body).catch((error: Error) => {
      if (!this.abort.signal.aborted) this.failure = error.message;
    });
    return 200;
  }

  /** Messages that repeated a position already delivered. */
  get repeated(): number {
    return this.messages - this.seen.size;
  }

  close(): Promise<void> {
    this.abort.abort();
    return this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.onMessage(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
    if (!this.abort.signal.aborted) this.failure = 'the stream ended';
  }

  private onMessage(block: string): void {
    let id: string | undefined;
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    if (id === undefined && data === '') return; // a comment or keep-alive
    const position = Number(/^\d+$/.test(id ?? '') ? id : positionIn(data));
    if (!Number.isFinite(position) || position === 0) return; // not an event (e.g. a hello)
    this.messages++;
    this.seen.add(position);
  }
}

function positionIn(data: string): number {
  try {
    return Number((JSON.parse(data) as { position?: unknown }).position);
  } catch {
    return NaN;
  }
}
