import type { LogCheckpoint, RecordedEvent } from '../event-store/recorded-event.js';

/**
 * Compares two places in the log's safe global order: (transaction id, position). Positions alone are
 * not that order (a transaction that took a lower position may commit later), so every "have I sent
 * this already?" question goes through here. Transaction ids are xid8 as decimal text: compared as
 * BigInt, never as text or as a lossy Number.
 */
export function compareCheckpoints(a: LogCheckpoint, b: LogCheckpoint): number {
  const [ta, tb] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.position - b.position;
}

export function checkpointOf(event: Pick<RecordedEvent, 'transactionId' | 'position'>): LogCheckpoint {
  return { transactionId: event.transactionId, position: event.position };
}
