import type { Socket } from 'node:net';
import { problem } from '../common/problem.js';

/**
 * Requests Node's HTTP parser refuses before any route runs (headers or URL over the 16 KB limit, a
 * malformed request line) get a problem+json answer like every other refusal, instead of Fastify's own
 * JSON. The connection is closed afterwards: the parser cannot find where the next request begins.
 * Fastify's clientErrorHandler (bootstrap.ts).
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  const [status, title] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request header fields too large']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request timeout'] : [400, 'Bad request'];
  const detail = status === 431 ? 'The request line and headers are larger than the service accepts (16 KB)'
    : status === 408 ? 'The request did not arrive in time' : 'The request is not valid HTTP';
  const body = JSON.stringify(problem(status, title.toLowerCase().replace(/ /g, '-'), title, detail));
  socket.end(`HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
    + `Connection: close\r\n\r\n${body}`);
}
