import { Agent, request, type OutgoingHttpHeaders } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * A keep-alive HTTP/1.1 client holding at most `connections` sockets, so N workers in a closed loop
 * are N connections, as autocannon's `-c N` would be (node:http: no dependency to install). It is the
 * load generator and shares the machine's two cores with what it measures, so each request does as
 * little as node:http allows: host and port parsed once (no URL object per request), the body sent as
 * a string and read as one string (no Buffer copies).
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly hostname: string;
  private readonly port: number;

  constructor(base: string, connections: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
    const url = new URL(base);
    this.hostname = url.hostname;
    this.port = Number(url.port || 80);
  }

  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const all: OutgoingHttpHeaders = payload === undefined ? { ...headers }
      : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
    return new Promise((resolve, reject) => {
      const req = request({ hostname: this.hostname, port: this.port, path, method, agent: this.agent, headers: all }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => { text += chunk; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like send, but anything other than `expected` fails the run: a benchmark of errors measures nothing. */
  async expect(expected: number, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<string> {
    const answer = await this.send(method, path, body, headers);
    if (answer.status !== expected) throw new Error(`${method} ${path} answered ${answer.status}, not ${expected}: ${answer.body.slice(0, 400)}`);
    return answer.body;
  }

  close(): void {
    this.agent.destroy();
  }
}
