import type { DataSource } from 'typeorm';
import { poolSizeOf } from '../database/data-source.js';
import type { LogPage } from '../event-store/event-log-reader.js';
import type { LogCheckpoint } from '../event-store/recorded-event.js';

/**
 * The log's pages after `from`, in order, up to the first empty one. With `ahead`, the next page is read
 * while the caller works on the one it was handed, so that PostgreSQL answers the read while this process
 * applies a page: the reads run outside the caller's transactions (committed rows below the fence need no
 * particular snapshot), each from the checkpoint of the page before, so pages still come one after another
 * with no gap and no overlap, whatever the timing.
 */
export async function* logPages(read: (after: LogCheckpoint) => Promise<LogPage>, from: LogCheckpoint, ahead: boolean): AsyncGenerator<LogPage> {
  let pending: Promise<LogPage> | undefined = read(from);
  try {
    for (;;) {
      const page: LogPage = await pending;
      pending = undefined;
      if (page.events.length === 0) return;
      if (ahead) pending = read(page.checkpoint);
      yield page;
      pending ??= read(page.checkpoint);
    }
  } finally {
    // The caller stopped (it failed, or it is done): let a read still in flight end before the rebuild
    // lets go of its lock, and keep its failure, if any, from going unhandled.
    await pending?.catch(() => undefined);
  }
}

/**
 * Whether reads can run beside a transaction: the rebuild lock sets one connection aside (when there are
 * two or more), the writing transaction takes one, so reading ahead needs a third. With fewer (DATABASE_POOL_SIZE
 * below 3), the reads would only queue behind the writes.
 */
export function canReadAhead(dataSource: DataSource): boolean {
  return poolSizeOf(dataSource) >= 3;
}

/**
 * Whether a page can be written beside the one before: besides the lock's connection and the reads', each
 * of the two writing transactions takes one.
 */
export function canWriteTwoPages(dataSource: DataSource): boolean {
  return poolSizeOf(dataSource) >= 4;
}
