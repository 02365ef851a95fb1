import 'reflect-metadata';
import { createServer } from 'node:http';
import { ceilingPool, stanceRows } from './stance-ceiling-query.js';

// The child of startStanceCeiling (stance-ceiling.ts): GET /?actor=&topic=&on= answers the stance
// statement's rows as JSON.
const pool = ceilingPool('bench-ceiling');
const server = createServer((request, response) => {
  const url = request.url ?? '';
  const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  stanceRows(pool, params.get('actor') ?? '', params.get('topic') ?? '', params.get('on') ?? '').then((rows) => {
    if (!rows) return void response.writeHead(400).end();
    const body = JSON.stringify(rows);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  }, (error: Error) => response.writeHead(500).end(error.message));
});
server.listen(0, '127.0.0.1', () => process.send!((server.address() as { port: number }).port));
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
