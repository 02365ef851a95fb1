import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own on a PostgreSQL server, for a test file, the soak or the benchmark; dropped afterwards. */
export interface ScratchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Creates `<prefix>_<random>[_<suffix>]` on the server of `serverUrl`. Drop only ever removes a database
 * whose name still starts with the prefix, so a caller's guard on the prefix guards the drop too.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string, suffix?: string): Promise<ScratchDatabase> {
  const server = new URL(serverUrl);
  const name = [prefix, randomBytes(6).toString('hex'), suffix].filter(Boolean).join('_');
  if (!NAME.test(name)) throw new Error(`refusing database name ${name}`);
  await runOnServer(server, `CREATE DATABASE ${name}`);
  return {
    name,
    url: Object.assign(new URL(server), { pathname: `/${name}` }).toString(),
    drop: async () => {
      if (!name.startsWith(`${prefix}_`)) throw new Error(`refusing to drop ${name}`);
      await runOnServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function runOnServer(server: URL, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
