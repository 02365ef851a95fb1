import type { EntityManager } from 'typeorm';
import type { SqlParams } from '../../database/sql-params.js';
import type { DomainEvent, RecordedEvent } from '../recorded-event.js';

/**
 * A read model kept from the event log. Every projection is inline: it runs inside the append's
 * transaction (read-your-writes), and the rebuild replays the log through it. `apply` gets only the
 * event types it declares, in log order.
 */
export interface Projection<E extends DomainEvent = DomainEvent> {
  readonly name: string;
  readonly handles: readonly E['type'][];
  /** The read-model tables it writes; a rebuild recreates them. */
  readonly tables: readonly string[];
  apply(events: readonly RecordedOf<E>[], db: EntityManager): Promise<void>;
  /**
   * True when `apply` reads no rows but those written for earlier events of the same streams (the version
   * a correction closes, say), none of another stream or another projection. A rebuild then writes two
   * pages of the log that share no stream at once, on two connections; without it, one page at a time.
   */
  readonly readsOwnStreamsOnly?: boolean;
  /**
   * Optional: what `apply([event])` writes for one appended event, as a data-modifying SQL statement
   * over `appended`, so the append and its read model go to the server as one statement (see
   * EventStore.append). `appended` names a relation of the event's row as recorded (columns
   * APPENDED_COLUMNS, recorded_at to the millisecond as RecordedEvent has it), empty when the append is
   * an idempotent replay; values of the event's own go in as `params`. Undefined when this event needs
   * `apply`. `apply` stays the definition (the rebuild runs it): the rows must be the same.
   */
  applySql?(event: AppendingEvent<E>, params: SqlParams, appended: string): string | undefined;
}

/** The columns of the relation `applySql` reads: what only the database knows of the event, and its identity. */
export const APPENDED_COLUMNS = ['stream_id', 'event_id', 'type', 'version', 'position', 'transaction_id', 'recorded_at'] as const;

/** An event about to be appended: what the caller knows of it before the database chooses the rest. */
export type AppendingEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? Pick<RecordedEvent<E>, 'streamId' | 'eventId' | 'type' | 'data' | 'metadata'> : never;

/** One recorded event per member of the union, so a switch on `type` narrows `data`. */
export type RecordedOf<E extends DomainEvent> = E extends DomainEvent ? RecordedEvent<E> : never;
