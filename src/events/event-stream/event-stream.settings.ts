import { Injectable } from '@nestjs/common';

/**
 * How the event stream paces itself. Defaults suit production; tests change them on the instance
 * (a new connection takes the values current when it opens).
 */
@Injectable()
export class EventStreamSettings {
  /** A comment line this often keeps proxies and idle timeouts from closing a quiet stream. */
  heartbeatMs = 15_000;
  /** How long the one reader waits before asking the log again when it found nothing new. */
  pollMs = 250;
  /** Events per read, for the reader and for a connection catching up alike. */
  pageSize = 500;
  /** A client that has this much unsent data stops getting live events and catches up from the log once it drains. */
  highWaterBytes = 1 << 20;
  /** The reconnect delay suggested to clients. */
  retryMs = 2_000;
  /** Connections reading their backlog at once; more wait for a slot rather than filling the pool. */
  maxConcurrentCatchUps = 4;
}
