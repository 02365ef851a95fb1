import { Agent, request } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * A keep-alive HTTP/1.1 client holding at most `connections` sockets, so N workers in a closed loop
 * are N connections, as autocannon's `-c N` would be (node:http: no dependency to install).
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly base: string, connections: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const url = new URL(path, this.base);
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method, agent: this.agent,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
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
