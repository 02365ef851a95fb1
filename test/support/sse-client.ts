import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseMessage {
  readonly id: string;
  readonly event: string;
  readonly data: string;
}

/**
 * A server-sent events client that reads the stream as the WHATWG spec says a browser does (fields,
 * comments, the last event id set even by a message without data), over a plain HTTP request that a
 * test can drop at any moment, as a network would.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  /** What a browser would send as Last-Event-ID on reconnecting. */
  lastEventId = '';
  status = 0;
  contentType = '';
  body = '';
  private buffer = '';
  private pending = { id: '', event: '', data: [] as string[] };
  private listeners = new Set<() => void>();
  private finished = false;
  private constructor(private readonly req: ClientRequest) {}

  /** Resolves once the response headers are in; any status (a refusal's problem+json ends up in `body`). */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false });
      const client = new SseClient(req);
      req.on('response', (res: IncomingMessage) => {
        client.status = res.statusCode ?? 0;
        client.contentType = String(res.headers['content-type'] ?? '');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.receive(chunk));
        res.on('end', () => client.finish());
        res.on('close', () => client.finish());
        resolve(client);
      });
      req.on('error', (error) => (client.status === 0 ? reject(error) : client.finish()));
      req.end();
    });
  }

  get ended(): boolean {
    return this.finished;
  }

  /** Waits until `condition` holds, re-checked on every chunk; the guard time only turns a hang into a readable failure. */
  waitFor(condition: (client: SseClient) => boolean, what: string, guardMs = 30_000): Promise<void> {
    if (condition(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition(this)) done(resolve);
        else if (this.finished) done(() => reject(new Error(`stream ended before ${what}; got ${this.messages.length} messages`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no ${what} within ${guardMs} ms; got ${this.messages.length} messages`))), guardMs);
      const done = (settle: () => void) => { clearTimeout(timer); this.listeners.delete(check); settle(); };
      this.listeners.add(check);
    });
  }

  /** Drops the connection abruptly, as a network failure would. */
  drop(): void {
    this.req.destroy();
    this.finish();
  }

  private receive(chunk: string): void {
    this.body += this.status === 200 ? '' : chunk;
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + (this.buffer.startsWith('\r\n', newline) ? 2 : 1));
      this.line(line);
    }
    this.notify();
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return void this.comments.push(line.slice(1).trim());
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' && !value.includes('\0')) this.pending.id = value;
    else if (field === 'event') this.pending.event = value;
    else if (field === 'data') this.pending.data.push(value);
  }

  private dispatch(): void {
    this.lastEventId = this.pending.id;
    const { event, data } = this.pending;
    this.pending = { id: this.lastEventId, event: '', data: [] };
    if (data.length === 0) return;
    this.messages.push({ id: this.lastEventId, event: event || 'message', data: data.join('\n') });
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
