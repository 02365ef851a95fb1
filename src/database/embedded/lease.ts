import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DataDirectoryInUseError } from './errors.js';

/** Advisory lock keys (single bigint form), apart from the migrator's, the rebuild's and the appends'. */
const LEASE = 0x534c4541; // "SLEA": held shared by every process using the server
const SERVICE = 0x534c5356; // "SLSV": held by the one service on this DATA_DIR

export type Role = 'service' | 'tool';

/**
 * A process's claim on the shared embedded server: a connection of its own holding a *shared* advisory
 * lock for as long as the process uses the server. Whoever releases its lease and then gets the lock
 * *exclusively* is the last user, and stops the server while still holding that exclusive lock.
 *
 * Why nobody stops a server another process still uses:
 * - the lease is a lock held by a live session. A process that dies (even by kill -9) loses its socket,
 *   the server ends the session and the lease goes with it: no lease can be stale, and no lease file can
 *   outlive its owner or name a reused pid;
 * - the exclusive lock is granted only when no session holds the shared one, and while it is held no
 *   session can take the shared one; so between "I am the last" and the end of the server, no other
 *   process can have become a user. A process that connected just then waits on its shared lock, sees
 *   its session ended by the shutdown, and starts over (start or adopt; see embedded-postgres.ts);
 * - a process not yet holding its lease has not used the server yet: it either gets the lease (and the
 *   server cannot be stopped under it from then on) or finds the server gone and starts another;
 * - a session lost while its process lives on (the server restarted after a crash) is taken again at
 *   once, so a live process is not counted out for longer than that reconnection;
 * - two servers on one directory cannot happen whatever the order: PostgreSQL's postmaster.pid lock
 *   refuses the second, which then joins the first.
 * The service also takes a second lock exclusively, so a second service on the same DATA_DIR is refused
 * while command-line tools, which take only the lease, run beside it.
 */
export class Lease {
  private released = false;

  private constructor(
    private client: pg.Client,
    readonly users: number,
    private readonly claim: () => Promise<{ client: pg.Client; users: number }>,
  ) {
    this.renewWhenLost(client);
  }

  /** Connects and takes the lease. `users` counts the other processes holding one (0: nobody else uses the server). */
  static async take(url: string, role: Role, dataDir: string): Promise<Lease> {
    const claim = () => claimLease(url, role, dataDir);
    const { client, users } = await claim();
    return new Lease(client, users, claim);
  }

  /**
   * Gives the lease back. Answers true when this process was the last user: the exclusive lock is then
   * held, on this session, until the caller has stopped the server (which ends the session).
   */
  async release(): Promise<boolean> {
    if (this.released) return false;
    this.released = true;
    try {
      await this.client.query('SELECT pg_advisory_unlock_all()');
      const [{ last }] = (await this.client.query('SELECT pg_try_advisory_lock($1) AS last', [LEASE])).rows;
      if (!last) await this.client.end();
      return last as boolean;
    } catch {
      await this.client.end().catch(() => undefined);
      return false; // the server went away (stopped by hand): nothing left to stop
    }
  }

  /** After the server was stopped (or failed to stop): close the session if it is still open. */
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  /**
   * A session lost while the lease is held (the server restarted after a crash, a network hiccup) takes
   * the lease with it: take it again, so that a tool finishing meanwhile does not see itself as the last
   * user and stop the server under this process.
   */
  private renewWhenLost(client: pg.Client): void {
    client.once('end', () => {
      if (this.released) return;
      void (async () => {
        while (!this.released) {
          try {
            const renewed = await this.claim();
            if (this.released) return void (await renewed.client.end().catch(() => undefined));
            this.client = renewed.client;
            this.renewWhenLost(renewed.client);
            return;
          } catch (error) {
            if (error instanceof DataDirectoryInUseError) return; // another service took over meanwhile
            await sleep(1_000);
          }
        }
      })();
    });
  }
}

/** A session of its own holding the shared lease (and, for the service, the service lock). */
async function claimLease(url: string, role: Role, dataDir: string): Promise<{ client: pg.Client; users: number }> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `stanceline ${role} pid=${process.pid}`,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // A lost connection must not crash the process through an unhandled 'error' event ('end' follows).
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock_shared($1)', [LEASE]);
    if (role === 'service') {
      const [{ locked }] = (await client.query('SELECT pg_try_advisory_lock($1) AS locked', [SERVICE])).rows;
      if (!locked) throw new DataDirectoryInUseError(dataDir, await holderPid(client));
    }
    const [{ n }] = (await client.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND classid = 0
          AND objid::bigint = $1 AND granted AND pid <> pg_backend_pid()`, [LEASE])).rows;
    return { client, users: n };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** The pid of the service holding SERVICE, from its lease session's application_name. */
async function holderPid(client: pg.Client): Promise<number | undefined> {
  const { rows } = await client.query(
    `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.classid = 0 AND l.objid::bigint = $1 AND l.granted`, [SERVICE]);
  const match = /pid=(\d+)/.exec(rows[0]?.application_name ?? '');
  return match ? Number(match[1]) : undefined;
}
