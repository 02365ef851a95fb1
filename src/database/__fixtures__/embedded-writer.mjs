// Child process for the kill -9 durability test. Plain JS because the child runs under bare `node`
// (Node 20 cannot strip TypeScript types, and Jest's transform does not apply to spawned processes), so it
// mirrors startEmbeddedPostgres's setup (same PGlite options, same socket server) rather than importing it.
// Usage: node embedded-writer.mjs <dataDir> <value>  -> prints "written" once the INSERT is acknowledged.
import { openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

const [dataDir, value] = process.argv.slice(2);
// Hold the directory lock like the real service, so the kill -9 also leaves a genuinely stale lock behind.
writeSync(openSync(join(dataDir, 'stanceline.lock'), 'wx'), String(process.pid));
const db = await PGlite.create(join(dataDir, 'pgdata'), { relaxedDurability: false });
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
await server.start();
const client = new pg.Client(`postgres://postgres@${server.getServerConn()}/postgres`);
await client.connect();
await client.query('create table if not exists durable (v text primary key)');
await client.query('insert into durable (v) values ($1)', [value]);
process.stdout.write('written\n');
// Stay alive, holding the database open, until the test kills us with SIGKILL.
setInterval(() => undefined, 1_000);
