import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventLogReader, type LogPage } from '../event-store/event-log-reader.js';
import { approximateLogSize, freezeLog, readFrozenLogAfter } from '../event-store/frozen-log.js';
import { ProjectionRegistry } from '../event-store/inline-projections/projection-registry.js';
import type { Projection } from '../event-store/inline-projections/projection.js';
import type { LogCheckpoint, RecordedEvent } from '../event-store/recorded-event.js';
import { canReadAhead, canWriteTwoPages, logPages } from './log-pages.js';
import { RebuildLock } from './rebuild-lock.js';
import type { RebuildReport } from './rebuild-report.js';
import { analyzeShadow, buildDeferredIndexes } from './shadow-indexes.js';
import { ident, prepareShadow, saveProgress, swapIn } from './shadow-tables.js';

const BATCH_SIZE = 1000;
const LOG_EVERY = 10_000;

/**
 * Rebuilds every registered projection from the log into copies of its tables (a search_path puts the
 * copies first, so the projections' own SQL writes them) while reads go on answering from the old ones,
 * then swaps them in within the transaction that froze the log: no read sees a half-built model and no
 * append is missed. Progress is saved with each batch, so a rebuild that died resumes. Events are applied
 * as the inline path applies them: one append at a time, every projection in registration order, so a
 * projection that reads another's table sees the same state (consecutive appends that only one
 * projection handles go to it in one call: see handlerRuns).
 */
@Injectable()
export class RebuildService {
  private readonly logger = new Logger('Rebuild');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: EventLogReader,
    private readonly registry: ProjectionRegistry,
    private readonly lock: RebuildLock,
  ) {}

  /** `onProgress`: events applied so far of about `total`, after each batch (the command line's progress bar). */
  async rebuild(options: { batchSize?: number; onProgress?: (applied: number, total: number) => void } = {}): Promise<RebuildReport> {
    const release = await this.lock.acquire();
    try {
      return await this.run(options.batchSize ?? BATCH_SIZE, options.onProgress ?? (() => undefined));
    } finally {
      await release();
    }
  }

  private async run(batchSize: number, onProgress: (applied: number, total: number) => void): Promise<RebuildReport> {
    const started = Date.now();
    const projections = this.registry.all();
    const tables = [...new Set(projections.flatMap((p) => p.tables))];
    const shadow = await prepareShadow(this.dataSource.manager, tables, await this.fingerprint(projections));
    const total = await approximateLogSize(this.dataSource.manager);
    this.logger.log({ projections: projections.map((p) => p.name), tables, schema: shadow.schema, resumedAfter: shadow.resumed ? shadow.applied : null, aboutEvents: total },
      shadow.resumed ? 'resuming the rebuild of the read models' : 'rebuilding the read models');

    const progress = (applied: number) => onProgress(applied, total);
    let { checkpoint, applied } = await this.replay(shadow.schema, projections, shadow, batchSize, total, progress);
    await buildDeferredIndexes(this.dataSource, shadow.schema, tables, this.logger);
    await analyzeShadow(this.dataSource, shadow.schema, tables, this.logger);
    // What was appended while the indexes were built, so that the frozen step below stays short.
    ({ checkpoint, applied } = await this.replay(shadow.schema, projections, { checkpoint, applied }, batchSize, total, progress));

    const final = await this.dataSource.transaction(async (db) => {
      await freezeLog(db);
      await this.writeInto(db, shadow.schema);
      let rest: LogPage;
      do {
        rest = await readFrozenLogAfter(db, checkpoint, batchSize);
        await this.applyPage(db, projections, rest.events);
        checkpoint = rest.checkpoint;
        applied += rest.events.length;
        progress(applied);
      } while (rest.events.length > 0);
      await db.query(`SET LOCAL search_path TO public`);
      await swapIn(db, shadow.schema, tables);
      return checkpoint;
    });

    const report: RebuildReport = {
      projections: projections.map((p) => p.name),
      tables,
      events: applied - shadow.applied,
      resumedAfter: shadow.resumed ? shadow.applied : null,
      durationMs: Date.now() - started,
    };
    this.logger.log({ ...report, totalEvents: applied, checkpoint: final }, 'read models rebuilt and swapped in');
    return report;
  }

  /**
   * Applies the log after `from` into the copies, a batch per transaction, up to what is committed now.
   * Each batch's progress is saved in its own transaction; the next page is read meanwhile (see logPages).
   * When every projection reads only its own streams' rows, a page that shares no stream with the one
   * before is written beside it, on a second connection: PostgreSQL spends most of a page computing the
   * search documents, and two pages keep two cores at it. It still commits after the page before (or not at
   * all), so the saved progress only ever covers pages that are all in.
   */
  private async replay(schema: string, projections: readonly Projection[], from: { checkpoint: LogCheckpoint; applied: number },
    batchSize: number, total: number, progress: (applied: number) => void): Promise<{ checkpoint: LogCheckpoint; applied: number }> {
    let { checkpoint, applied } = from;
    let logged = applied;
    const overlap = projections.every((p) => p.readsOwnStreamsOnly) && canWriteTwoPages(this.dataSource);
    const pages = logPages((after) => this.reader.readAfter(after, batchSize), checkpoint, canReadAhead(this.dataSource));
    const advancePast = async (write: PageWrite) => {
      await write.committed;
      ({ checkpoint } = write.page);
      applied = write.applied;
      progress(applied);
      if (applied - logged >= LOG_EVERY) {
        logged = applied;
        this.logger.log({ applied, aboutEvents: total }, 'rebuilding the read models');
      }
    };
    let writing: PageWrite | undefined;
    try {
      for await (const page of pages) {
        if (writing && !(overlap && sharesNoStream(writing.page, page))) {
          await advancePast(writing);
          writing = undefined;
        }
        const before = writing;
        writing = this.writePage(schema, projections, page, (before?.applied ?? applied) + page.events.length, before?.committed);
        if (before) await advancePast(before);
      }
      if (writing) await advancePast(writing);
    } finally {
      // Failed: the page still being written ends (it cannot commit) before the rebuild lets go of its lock.
      await writing?.committed.catch(() => undefined);
    }
    return { checkpoint, applied };
  }

  /** One page into the copies in a transaction of its own, committed after `after` (the page before) or not at all. */
  private writePage(schema: string, projections: readonly Projection[], page: LogPage, applied: number, after?: Promise<void>): PageWrite {
    const committed = this.dataSource.transaction(async (db) => {
      await this.writeInto(db, schema);
      await this.applyPage(db, projections, page.events);
      await after;
      await saveProgress(db, schema, page.checkpoint, applied);
    });
    // Awaited later, in order; until then its failure must not count as unhandled.
    committed.catch(() => undefined);
    return { page, applied, committed };
  }

  /** Unqualified table names in this transaction now mean the copies; the log and the rest stay in public. */
  private async writeInto(db: EntityManager, schema: string): Promise<void> {
    await db.query(`SET LOCAL search_path TO ${ident(schema)}, public`);
  }

  private async applyPage(db: EntityManager, projections: readonly Projection[], events: readonly RecordedEvent[]): Promise<void> {
    for (const { projection, events: run } of handlerRuns(byTransaction(events), projections)) {
      if (projection) {
        await projection.apply(run, db);
        continue;
      }
      for (const projection of projections) {
        const handled = run.filter((e) => projection.handles.includes(e.type));
        if (handled.length > 0) await projection.apply(handled, db);
      }
    }
  }

  /** What a leftover rebuild must match to be resumed: the same projections and tables, the same schema version. */
  private async fingerprint(projections: readonly Projection[]): Promise<string> {
    const [latest] = await this.dataSource.query(`SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1`);
    return JSON.stringify({ projections: projections.map((p) => [p.name, [...p.tables]]), migration: latest?.name ?? null });
  }
}

/** A page being written into the copies: `applied` counts the events up to its end. */
interface PageWrite {
  readonly page: LogPage;
  readonly applied: number;
  readonly committed: Promise<void>;
}

/** Whether no stream has events in both pages: then neither page's projections read what the other writes. */
function sharesNoStream(before: LogPage, page: LogPage): boolean {
  const streams = new Set(before.events.map((e) => e.streamId));
  return !page.events.some((e) => streams.has(e.streamId));
}

/** Consecutive events of one transaction: one append, as the inline path saw it. */
function byTransaction(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const groups: RecordedEvent[][] = [];
  for (const event of events) {
    const group = groups.at(-1);
    if (group && group[0].transactionId === event.transactionId) group.push(event);
    else groups.push([event]);
  }
  return groups;
}

/**
 * Consecutive appends that only one projection handles, merged into one call of that projection (a
 * projection's `apply` takes any list of its events in log order, whichever appends they came from). No other projection has an event in between, so none can observe the difference; the
 * merged call lets a projection write a page of new records in one statement. Appends handled by
 * several projections stay one run each, with `projection` undefined: apply them one by one, as before.
 */
function handlerRuns(appends: readonly RecordedEvent[][], projections: readonly Projection[]): { projection?: Projection; events: RecordedEvent[] }[] {
  const runs: { projection?: Projection; events: RecordedEvent[] }[] = [];
  for (const append of appends) {
    const handlers = projections.filter((p) => append.some((e) => p.handles.includes(e.type)));
    if (handlers.length !== 1) {
      runs.push({ events: append });
      continue;
    }
    const [projection] = handlers;
    const handled = append.filter((e) => projection.handles.includes(e.type));
    const last = runs.at(-1);
    if (last?.projection === projection) last.events.push(...handled);
    else runs.push({ projection, events: handled });
  }
  return runs;
}
