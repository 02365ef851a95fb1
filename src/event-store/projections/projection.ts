import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../recorded-event.js';

/**
 * A read model kept from the event log. `inline` projections run inside the append's transaction
 * (read-your-writes); `async` ones run from the log behind a checkpoint written in the same transaction
 * as their rows. Either way `apply` gets only the event types it declares, in log order.
 */
export interface Projection {
  readonly name: string;
  readonly mode: 'inline' | 'async';
  readonly handles: readonly string[];
  /** The read-model tables it writes; a rebuild recreates them. */
  readonly tables: readonly string[];
  apply(events: readonly RecordedEvent[], db: EntityManager): Promise<void>;
}
