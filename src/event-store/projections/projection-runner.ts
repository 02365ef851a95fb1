import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventLogReader } from '../event-log-reader.js';
import { ProjectionRegistry } from './projection-registry.js';
import type { Projection } from './projection.js';

const BATCH_SIZE = 500;
const IDLE_POLL_MS = 250;

/**
 * Runs the async projections from the log. Each batch is one transaction: lock the projection's
 * checkpoint row, read the next events after it, apply them, move the checkpoint. A crash anywhere
 * rolls back the read-model rows and the checkpoint together, so no event is applied twice or skipped.
 * The row lock (SKIP LOCKED) also means that with several service processes on one database, exactly
 * one of them advances a given projection at a time; if it dies, its lock goes with its connection and
 * another process takes over at the next poll.
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectionRunner.name);
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: EventLogReader,
    private readonly registry: ProjectionRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loops = this.registry.async().map((projection) => this.loop(projection));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Applies one batch; returns how many events it consumed (0: nothing new, or another process holds it). */
  async runBatch(projection: Projection, batchSize = BATCH_SIZE): Promise<number> {
    await this.dataSource.query(
      `INSERT INTO projection_checkpoints (projection) VALUES ($1) ON CONFLICT (projection) DO NOTHING`, [projection.name]);
    return this.dataSource.transaction(async (db) => {
      const [checkpoint] = await db.query(
        `SELECT transaction_id::text AS "transactionId", position::int8 AS position FROM projection_checkpoints
          WHERE projection = $1 FOR UPDATE SKIP LOCKED`, [projection.name]);
      if (!checkpoint) return 0;
      const page = await this.reader.readAfter({ transactionId: checkpoint.transactionId, position: Number(checkpoint.position) }, batchSize, db);
      if (page.events.length === 0) return 0;
      const handled = page.events.filter((e) => projection.handles.includes(e.type));
      if (handled.length > 0) await projection.apply(handled, db);
      await db.query(
        `UPDATE projection_checkpoints SET transaction_id = $2::xid8, position = $3, updated_at = now() WHERE projection = $1`,
        [projection.name, page.checkpoint.transactionId, page.checkpoint.position]);
      return page.events.length;
    });
  }

  /** Runs batches until the projection has seen everything committed so far. */
  async catchUp(projection: Projection): Promise<number> {
    let total = 0;
    for (let n = await this.runBatch(projection); n > 0; n = await this.runBatch(projection)) total += n;
    return total;
  }

  private async loop(projection: Projection): Promise<void> {
    while (this.running) {
      try {
        if ((await this.runBatch(projection)) > 0) continue;
      } catch (error) {
        // The batch rolled back as a whole; the next attempt starts from the same checkpoint.
        this.logger.error({ err: error, projection: projection.name }, 'projection batch failed; will retry');
      }
      await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
  }
}
