import type { ServerResponse } from 'node:http';
import type { LogCheckpoint } from '../../event-store/recorded-event.js';
import type { EventStreamSettings } from './event-stream.settings.js';
import { bookmarkFrame, commentFrame } from './sse-frames.js';

/** An event ready to send: framed once, however many clients get it. */
export interface OutgoingEvent {
  readonly checkpoint: LogCheckpoint;
  readonly frame: string;
}

/**
 * One client's stream. It knows the last event queued for the client (its checkpoint), which is all the
 * fan-out needs to send each event exactly once, whether the event comes live or from a catch-up read.
 */
export class SseConnection {
  checkpoint: LogCheckpoint;
  private isClosed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly drainWaiters = new Set<() => void>();

  constructor(private readonly res: ServerResponse, start: LogCheckpoint, settings: EventStreamSettings) {
    this.checkpoint = start;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // The socket goes with the stream: a server shutting down must not wait on idle keep-alive sockets.
      Connection: 'close',
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.write(bookmarkFrame(start.position, settings.retryMs));
    this.heartbeat = setInterval(() => this.write(commentFrame('heartbeat')), settings.heartbeatMs);
    this.heartbeat.unref();
    res.on('close', () => this.markClosed());
    res.on('drain', () => this.wakeDrainWaiters());
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Live delivery, to many clients in one go: never waits. False when the client has fallen too far behind. */
  push(event: OutgoingEvent, highWaterBytes: number): boolean {
    this.write(event.frame);
    this.checkpoint = event.checkpoint;
    return this.res.writableLength <= highWaterBytes;
  }

  /** Catch-up delivery: waits until the client has taken what was written, so a backlog never piles up in memory. */
  async send(event: OutgoingEvent): Promise<void> {
    if (this.isClosed) return;
    this.write(event.frame);
    this.checkpoint = event.checkpoint;
    await this.drained();
  }

  drained(): Promise<void> {
    if (this.isClosed || !this.res.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.add(resolve));
  }

  /** Ends the stream: cleanly when everything has left, at once when the client has stopped reading. */
  end(): void {
    if (this.isClosed) return;
    const stuck = this.res.writableLength > 0;
    this.res.end();
    if (stuck) this.res.destroy();
    this.markClosed();
  }

  private write(frame: string): void {
    if (!this.isClosed) this.res.write(frame);
  }

  private markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    clearInterval(this.heartbeat);
    this.wakeDrainWaiters();
  }

  private wakeDrainWaiters(): void {
    for (const wake of this.drainWaiters) wake();
    this.drainWaiters.clear();
  }
}

/** Answers a stream request that arrives while the service shuts down: the client reconnects (elsewhere) and resumes. */
export function endStreamAtOnce(res: ServerResponse, retryMs: number): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'close' });
  res.end(`retry: ${Math.max(0, Math.trunc(retryMs))}\n\n`);
}
