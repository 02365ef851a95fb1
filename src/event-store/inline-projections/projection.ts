import type { EntityManager } from 'typeorm';
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
}

/** One recorded event per member of the union, so a switch on `type` narrows `data`. */
export type RecordedOf<E extends DomainEvent> = E extends DomainEvent ? RecordedEvent<E> : never;
