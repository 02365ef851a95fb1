import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError } from '../common/domain-error.js';
import { poolSizeOf } from '../database/data-source.js';

/** Advisory lock key for rebuilds ("SLRB"), apart from the event store's and the migrator's. */
const REBUILD_LOCK = 0x534c5242;

export class RebuildRunningError extends ConflictError {
  constructor() {
    super('A rebuild of the read models is already running; try again when it has finished');
  }
}

/**
 * One rebuild at a time, across every process on the database: a session advisory lock, held for the
 * whole rebuild on a connection of its own. With a pool of one connection (DATABASE_POOL_SIZE=1) none
 * can be set aside, so the lock is taken on that one shared connection instead; the flag refuses a
 * second rebuild in this process before any of that.
 */
@Injectable()
export class RebuildLock {
  private held = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Takes the lock or throws RebuildRunningError; answers the function that releases it. */
  async acquire(): Promise<() => Promise<void>> {
    if (this.held) throw new RebuildRunningError();
    this.held = true;
    try {
      const runner = poolSizeOf(this.dataSource) > 1 ? this.dataSource.createQueryRunner() : undefined;
      const query = (sql: string) => (runner ? runner.query(sql, [REBUILD_LOCK]) : this.dataSource.query(sql, [REBUILD_LOCK]));
      const [{ locked }] = await query(`SELECT pg_try_advisory_lock($1) AS locked`);
      if (!locked) {
        await runner?.release();
        throw new RebuildRunningError();
      }
      return async () => {
        try {
          await query(`SELECT pg_advisory_unlock($1)`);
        } finally {
          await runner?.release();
          this.held = false;
        }
      };
    } catch (error) {
      this.held = false;
      throw error;
    }
  }
}
