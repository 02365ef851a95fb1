import { connect, type Socket } from 'node:net';

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * A keep-alive HTTP/1.1 client holding at most `connections` sockets, so N workers in a closed loop
 * are N connections, as autocannon's `-c N` would be. It is the load generator and shares the machine's
 * two cores with what it measures, so it does no more than HTTP needs: one request per socket at a time
 * (no pipelining), the request written as one string, the answer's head parsed for its status and
 * length only, the body read as one string. Against a bare server answering 4 kB, node:http's client
 * took 100-135 µs of CPU per request (an IncomingMessage stream per answer, every header parsed, the
 * Agent's bookkeeping) and this one 23-29 µs. undici, the maintained client, was measured in its place
 * (8.13.1, a Pool of 16 connections without pipelining, timeouts off): against the service's own stance
 * answers, 16 connections, 8,000 requests a side, 5 interleaved runs, its client CPU per request was a
 * median 156 µs with `request` and 145 µs with `dispatch`, this client's 80 µs. On two shared cores
 * those 65-75 µs would land in every HTTP row's figures (about a tenth of a stance answer's total).
 */
export class HttpClient {
  private readonly idle: Connection[] = [];
  private readonly waiting: ((connection: Connection) => void)[] = [];
  private readonly all = new Set<Connection>();
  private readonly host: string;
  private readonly port: number;

  constructor(base: string, private readonly connections: number) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
  }

  async send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
    if (body !== undefined) head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    else if (method !== 'GET' && method !== 'HEAD') head += 'content-length: 0\r\n';
    const connection = await this.connection();
    try {
      return await connection.exchange(`${head}\r\n${payload}`, method === 'HEAD');
    } finally {
      this.release(connection);
    }
  }

  /** Like send, but anything other than `expected` fails the run: a benchmark of errors measures nothing. */
  async expect(expected: number, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<string> {
    const answer = await this.send(method, path, body, headers);
    if (answer.status !== expected) throw new Error(`${method} ${path} answered ${answer.status}, not ${expected}: ${answer.body.slice(0, 400)}`);
    return answer.body;
  }

  close(): void {
    for (const connection of this.all) connection.socket.destroy();
    this.all.clear();
    this.idle.length = 0;
  }

  private connection(): Promise<Connection> | Connection {
    for (let free = this.idle.pop(); free; free = this.idle.pop()) {
      if (free.reusable) return free;
      this.all.delete(free); // closed by the server while idle (its keep-alive timeout)
    }
    if (this.all.size < this.connections) {
      const connection = new Connection(connect({ host: this.host, port: this.port, noDelay: true }));
      this.all.add(connection);
      return connection;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: Connection): void {
    if (!connection.reusable) {
      connection.socket.destroy();
      this.all.delete(connection);
      // A worker waiting for a socket gets a new one in place of the closed one.
      const next = this.waiting.shift();
      if (next) void Promise.resolve(this.connection()).then(next);
      return;
    }
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** What an answer's head says about its body: where it starts, and where it ends (undefined: at close, or chunked). */
interface Head { readonly status: number; readonly bodyStart: number; readonly end?: number; readonly chunked: boolean }

/** One socket and the one exchange on it at a time: the answer's head, then its body by length, chunks or close. */
class Connection {
  /** False once the server said it closes the connection, or it closed, or failed. */
  reusable = true;
  private received: Buffer[] = [];
  private receivedBytes = 0;
  private head?: Head;
  private pending?: { resolve: (answer: HttpAnswer) => void; reject: (error: Error) => void; noBody: boolean };
  private failure?: Error;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.onClose());
  }

  exchange(request: string, noBody: boolean): Promise<HttpAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, noBody };
      this.socket.write(request);
    });
  }

  private onData(chunk: Buffer): void {
    this.received.push(chunk);
    this.receivedBytes += chunk.length;
    if (!this.pending) return;
    if (this.head?.end !== undefined && this.receivedBytes < this.head.end) return;
    const data = this.received.length === 1 ? chunk : Buffer.concat(this.received, this.receivedBytes);
    this.received = [data];
    this.head ??= this.readHead(data);
    if (!this.head) return;
    const { status, bodyStart, end, chunked } = this.head;
    if (end !== undefined) {
      if (data.length >= end) this.finish(status, data.toString('utf8', bodyStart, end));
    } else if (chunked) {
      const body = dechunk(data, bodyStart);
      if (body !== undefined) this.finish(status, body);
    }
  }

  private onClose(): void {
    this.reusable = false;
    if (!this.pending) return;
    // An answer without a length ends where the connection does.
    if (this.head && this.head.end === undefined && !this.head.chunked) {
      this.finish(this.head.status, Buffer.concat(this.received, this.receivedBytes).toString('utf8', this.head.bodyStart));
    } else {
      this.fail(new Error('the server closed the connection before its answer was complete'));
    }
  }

  private fail(error: Error): void {
    this.reusable = false;
    this.failure = error;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }

  private finish(status: number, body: string): void {
    const { resolve } = this.pending!;
    this.pending = undefined;
    this.head = undefined;
    this.received = [];
    this.receivedBytes = 0;
    resolve({ status, body });
  }

  /** The answer's status and where its body lies, once the whole head has arrived. */
  private readHead(data: Buffer): Head | undefined {
    const headEnd = data.indexOf(HEAD_END);
    if (headEnd === -1) return undefined;
    const head = data.toString('latin1', 0, headEnd).toLowerCase();
    const field = (name: string) => {
      const at = head.indexOf(`\r\n${name}:`);
      if (at === -1) return undefined;
      const lineEnd = head.indexOf('\r\n', at + 2);
      return head.slice(at + name.length + 3, lineEnd === -1 ? undefined : lineEnd).trim();
    };
    const status = Number(head.slice(9, 12));
    const bodyStart = headEnd + 4;
    if (field('connection') === 'close') this.reusable = false;
    if (this.pending!.noBody || status === 204 || status === 304 || status < 200) return { status, bodyStart, end: bodyStart, chunked: false };
    const length = field('content-length');
    if (length !== undefined) return { status, bodyStart, end: bodyStart + Number(length), chunked: false };
    const chunked = field('transfer-encoding')?.includes('chunked') ?? false;
    if (!chunked) this.reusable = false;
    return { status, bodyStart, chunked };
  }
}

/** A chunked body once its last chunk has arrived (trailers are not expected and not read). */
function dechunk(data: Buffer, start: number): string | undefined {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd === -1) return undefined;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    if (size === 0) return data.length >= lineEnd + 4 ? Buffer.concat(parts).toString('utf8') : undefined;
    const end = lineEnd + 2 + size;
    if (data.length < end + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, end));
    at = end + 2;
  }
}
