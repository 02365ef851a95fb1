import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { EventLogReader } from '../../event-store/event-log-reader.js';
import { LOG_START, type LogCheckpoint, type RecordedEvent } from '../../event-store/recorded-event.js';
import { logEventView } from '../log-event.view.js';
import { checkpointOf, compareCheckpoints } from '../log-order.js';
import { BoundedSlots } from './bounded-slots.js';
import { EventStreamSettings } from './event-stream.settings.js';
import { endStreamAtOnce, SseConnection, type OutgoingEvent } from './sse-connection.js';
import { eventFrame } from './sse-frames.js';

interface HeadWaiter {
  resolve(head: LogCheckpoint): void;
  reject(error: unknown): void;
}

/**
 * Serves every event-stream client of this process from one reader of the log.
 *
 * The reader polls the log after its `head` and hands each new event to every live connection. A new
 * connection first catches up on its own, reading pages from its start (bounded in size and in how many
 * connections read at once) until it has reached the reader's head; then, in the same synchronous step,
 * it joins the live set. From there it gets only events after its own checkpoint, so the seam neither
 * skips nor repeats. This holds because the log's safe order never lets an event appear behind a place
 * a reader has passed (see EventLogReader). A client that stops reading is taken out of the live set
 * once its unsent data passes a bound, and catches up from the log when it drains: memory stays bounded.
 *
 * Polling, not LISTEN/NOTIFY: no connection is held outside the pool (a pool of one works too), and one
 * poll per interval per process is cheap.
 */
@Injectable()
export class EventFanOut implements OnModuleDestroy {
  private readonly logger = new Logger(EventFanOut.name);
  private readonly connections = new Set<SseConnection>();
  private readonly live = new Set<SseConnection>();
  private readonly tasks = new Set<Promise<void>>();
  private head: LogCheckpoint = LOG_START;
  private caughtUp = false;
  private headWaiters: HeadWaiter[] = [];
  private reader?: Promise<void>;
  private wakeReader?: () => void;
  private closing = false;
  private slots?: BoundedSlots;
  /** What the tests check "one reader for all clients" against. */
  readonly counters = { readerReads: 0, catchUpReads: 0, liveDeliveries: 0 };

  constructor(private readonly log: EventLogReader, private readonly settings: EventStreamSettings) {}

  get liveConnections(): number {
    return this.live.size;
  }

  /** Streams the log to `res` from `from` (exclusive), or from the log's current end for `now`, until either side closes. */
  async open(res: ServerResponse, from: LogCheckpoint | 'now'): Promise<void> {
    if (this.closing) return endStreamAtOnce(res, this.settings.retryMs);
    this.startReader(from);
    const start = from === 'now' ? await this.currentHead() : from;
    if (this.closing) return endStreamAtOnce(res, this.settings.retryMs);
    if (!res.socket || res.socket.destroyed) return;
    const connection = new SseConnection(res, start, this.settings);
    this.connections.add(connection);
    res.on('close', () => {
      this.connections.delete(connection);
      this.live.delete(connection);
    });
    this.track(this.catchUp(connection));
  }

  /** Reads the log now rather than at the next poll: for a notification that something was appended. */
  wake(): void {
    this.wakeReader?.();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.wakeReader?.();
    this.settle(undefined);
    for (const connection of this.connections) connection.end();
    await this.reader;
    await Promise.allSettled([...this.tasks]);
  }

  /** The reader starts with the first client, at that client's start: the log before it need not be read. */
  private startReader(from: LogCheckpoint | 'now'): void {
    if (this.reader) return;
    this.head = from === 'now' ? LOG_START : from;
    this.reader = this.readLive();
  }

  private async readLive(): Promise<void> {
    while (!this.closing) {
      let more = false;
      try {
        const page = await this.log.readAfter(this.head, this.settings.pageSize);
        this.counters.readerReads++;
        // Delivery and the head move together, with no await between: a connection joining the live set
        // sees either the old head and gets these events live, or the new one and has read them itself.
        this.deliver(page.events);
        this.head = page.checkpoint;
        more = page.events.length === this.settings.pageSize;
        if (!more) this.settle(undefined);
      } catch (error) {
        this.logger.error({ err: error }, 'reading the event log for the event stream failed; will retry');
        this.settle(error);
      }
      if (!more && !this.closing) await this.sleep(this.settings.pollMs);
    }
  }

  private deliver(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      const outgoing = toOutgoing(event);
      for (const connection of this.live) {
        if (compareCheckpoints(outgoing.checkpoint, connection.checkpoint) <= 0) continue;
        this.counters.liveDeliveries++;
        if (!connection.push(outgoing, this.settings.highWaterBytes)) {
          this.live.delete(connection);
          this.track(connection.drained().then(() => this.catchUp(connection)));
        }
      }
    }
  }

  private async catchUp(connection: SseConnection): Promise<void> {
    try {
      while (!connection.closed && !this.closing) {
        if (compareCheckpoints(connection.checkpoint, this.head) >= 0) {
          this.live.add(connection);
          return;
        }
        const page = await this.catchUpSlots().run(() => this.log.readAfter(connection.checkpoint, this.settings.pageSize));
        this.counters.catchUpReads++;
        for (const event of page.events) await connection.send(toOutgoing(event));
        // Not expected (the reader has seen up to its head, so there is more to read), but never spin.
        if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, this.settings.pollMs).unref());
      }
    } catch (error) {
      // The client resumes from the last event it got when it reconnects; nothing is lost by closing.
      this.logger.warn({ err: error }, 'an event stream client could not catch up; closing its stream');
      connection.end();
    }
  }

  /** The end of the log as the reader last saw it, once it has read everything there was. */
  private currentHead(): Promise<LogCheckpoint> {
    if (this.caughtUp) return Promise.resolve(this.head);
    return new Promise((resolve, reject) => this.headWaiters.push({ resolve, reject }));
  }

  private settle(error: unknown): void {
    if (error === undefined) this.caughtUp = true;
    const waiters = this.headWaiters;
    this.headWaiters = [];
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve(this.head);
      else waiter.reject(error);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeReader?.(), ms);
      timer.unref();
      this.wakeReader = () => {
        clearTimeout(timer);
        this.wakeReader = undefined;
        resolve();
      };
    });
  }

  private catchUpSlots(): BoundedSlots {
    this.slots ??= new BoundedSlots(this.settings.maxConcurrentCatchUps);
    return this.slots;
  }

  private track(task: Promise<void>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }
}

function toOutgoing(event: RecordedEvent): OutgoingEvent {
  return { checkpoint: checkpointOf(event), frame: eventFrame(event.position, event.type, JSON.stringify(logEventView(event))) };
}
