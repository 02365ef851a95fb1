import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../recorded-event.js';

/**
 * A read model kept from the event log. Every projection is inline: it runs inside the append's
 * transaction (read-your-writes), and the rebuild replays the log through it. `apply` gets only the
 * event types it declares, in log order.
 */
export interface Projection {
  readonly name: string;
  readonly handles: readonly string[];
  /** The read-model tables it writes; a rebuild recreates them. */
  readonly tables: readonly string[];
  apply(events: readonly RecordedEvent[], db: EntityManager): Promise<void>;
}
