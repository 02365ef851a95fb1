import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { queryOnPool } from '../pool-query.js';
import { ReadDemands } from './read-demand.js';
import { Replica } from './replica.js';
import { ReplicaSet, type ReplicaSettings } from './replica-set.js';
import type { ReplicaState } from './replica.js';
import { ConsistencyToken, parseLsn } from './wal-position.js';

export interface ReadRoutingOptions extends ReplicaSettings {
  readonly urls: readonly string[];
  readonly poolSize: number;
  readonly queryTimeoutMs: number;
}

/**
 * Where the API's reads run: the one place that chooses between the primary and the read replicas, so
 * read services only swap `dataSource.query` for `reads.query`. On the primary they run on its pg pool
 * without a TypeORM query runner (queryOnPool): a read is one statement, and the runner was 3 % of the
 * service's CPU under read load. What the request asks (ReadDemands: a
 * token's or a cursor's floor, a `knownAt` that only the primary answers) decides; without replicas every
 * read runs on the primary, as before.
 *
 * The documented retry: a read that fails on a replica (it shut down, the connection broke, a statement
 * cancelled by a conflict with recovery) runs once more on the primary, and the replica leaves the
 * rotation until a check finds it well. Writes, migrations, idempotency and reference checks, the event
 * log and its live stream never come here: they use the primary's DataSource.
 */
export class ReadRouter implements OnApplicationShutdown {
  private static readonly logger = new Logger('ReadRouter');

  private constructor(private readonly primary: DataSource, private readonly replicas: ReplicaSet | undefined) {}

  static async open(primary: DataSource, options: ReadRoutingOptions | undefined): Promise<ReadRouter> {
    if (!options || options.urls.length === 0) return new ReadRouter(primary, undefined);
    const probeTimeoutMs = Math.max(1_000, 2 * options.checkMs);
    const replicas = options.urls.map((url) => new Replica({ url, poolSize: options.poolSize, queryTimeoutMs: options.queryTimeoutMs, probeTimeoutMs }));
    const set = new ReplicaSet(replicas, (sql) => primary.query(sql), options, ReadRouter.logger);
    await set.start();
    ReadRouter.logger.log({ replicas: set.states }, 'read replicas checked');
    return new ReadRouter(primary, set);
  }

  get replicaStates(): ReplicaState[] | undefined {
    return this.replicas?.states;
  }

  // TypeORM's query answers `any` rows; reads keep that shape so services swap one call for the other.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async query<T = any>(sql: string, values?: readonly unknown[], options: { primary?: boolean } = {}): Promise<T> {
    const replica = await this.replicaFor(options.primary ?? false);
    if (replica) {
      try {
        return await replica.query(sql, values) as T;
      } catch (error) {
        replica.markDown(error);
        ReadRouter.logger.warn({ err: error, replica: replica.name }, 'a read failed on a replica; answered by the primary, replica out of rotation');
      }
    }
    return (await queryOnPool(this.primary, sql, values ?? [])) as T;
  }

  /** The `Stanceline-Token` for a write that has committed: the primary's WAL position now. */
  async tokenAfterWrite(): Promise<string> {
    const [row]: { position: string }[] = await this.primary.query(`SELECT pg_current_wal_insert_lsn()::text AS position`);
    const position = parseLsn(row.position);
    this.replicas?.notePrimary(position);
    return ConsistencyToken.encode(position);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replicas?.close();
  }

  private async replicaFor(primaryAsked: boolean): Promise<Replica | undefined> {
    if (!this.replicas || primaryAsked) return undefined;
    // Only an HTTP read carries a demand: a write, a command or a task reads what it must act on from the primary.
    const demand = ReadDemands.current();
    if (!demand || demand.primaryOnly || demand.cursorWithoutFloor) return undefined;
    return this.replicas.choose(demand.floor);
  }
}
