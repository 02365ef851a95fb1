import 'reflect-metadata';
import { createServer } from 'node:http';
import pg from 'pg';
import { parsePartialDate } from '../../src/common/dates/partial-date.js';
import { prepared } from '../../src/database/prepared.js';
import { NOW } from '../../src/statements/read-model/as-of.js';
import { stanceOnDateQuery } from '../../src/stances/stance-on-date/stance-on-date.query.js';

// The child of startStanceCeiling (stance-ceiling.ts): GET /?actor=&topic=&on= answers the stance
// statement's rows as JSON. The pool is sized as the service's (DATABASE_POOL_SIZE's default, 10
// connections) and, like it, keeps idle connections 30 s: the other sides' turns do not close them.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, idleTimeoutMillis: 30_000, application_name: 'bench-ceiling' });
const server = createServer((request, response) => {
  const url = request.url ?? '';
  const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  const on = parsePartialDate(params.get('on') ?? '');
  if (!on) return void response.writeHead(400).end();
  const { sql, values } = stanceOnDateQuery(params.get('actor') ?? '', params.get('topic') ?? '', on, NOW);
  pool.query(prepared(sql) as unknown as pg.QueryConfig, values).then(({ rows }) => {
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
