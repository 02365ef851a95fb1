import { EVENT_VERSIONS } from './event-versions.js';

/** An event as a decider produces it: a past-tense type and its data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** Who and what caused an append; stored with every event of it. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  recordedBy?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}

/** An event as the log holds it. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly position: number;
  /** The writing transaction's id (xid8, as text): with `position`, the safe global order. */
  readonly transactionId: string;
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: E['type'];
  /** The shape of `data` (upcast events carry the version they were upcast to), not the stream version. */
  readonly schemaVersion: number;
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** `any`: no check; `no_stream`: the stream must not exist; `exists`: it must; a number: exactly that many events. */
export type ExpectedVersion = 'any' | 'no_stream' | 'exists' | number;

/** A point in the safe global order of the log; reading "after" it never skips nor repeats an event. */
export interface LogCheckpoint {
  readonly transactionId: string;
  readonly position: number;
}

export const LOG_START: LogCheckpoint = { transactionId: '0', position: 0 };

export interface EventRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: object;
  metadata: EventMetadata;
  recorded_at: Date;
}

export const EVENT_COLUMNS =
  'position, transaction_id::text AS transaction_id, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at';

/** An event as readers see it: in the current shape of its type (older versions upcast, the stored row untouched). */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return EVENT_VERSIONS.upcast(toStoredEvent(row));
}

/** An event exactly as stored, at the schema version it was written in: for a backup of the log, not for reading it. */
export function toStoredEvent(row: EventRow): RecordedEvent {
  return {
    position: Number(row.position),
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at),
  };
}

/**
 * What a read of a jsonb column holding this JSON gives, without asking the database. jsonb keeps one
 * value per key, the last, as JSON.parse does, and stores an object's keys ordered by their length in
 * UTF-8 bytes, then bytewise; that order is what a read hands to JSON.parse, so it is the order of the
 * object's own keys (integer-like keys first, as for any object). Numbers read back as the same double:
 * JSON.stringify writes each as the shortest decimal that parses to it (-0 as 0), and jsonb keeps that
 * decimal exactly, only spelled out (1e+21 as 1000000000000000000000). Meant for JSON that JSON.stringify
 * wrote; JSON the column refuses (\u0000, a lone surrogate) fails the append before this is reached.
 */
export function parseAsJsonb(json: string): unknown {
  return inJsonbOrder(JSON.parse(json));
}

function inJsonbOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = inJsonbOrder(value[i]);
    return value;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  keys.sort(keys.some((key) => NON_ASCII.test(key)) ? byUtf8 : byAscii);
  const ordered: Record<string, unknown> = {};
  for (const key of keys) {
    const member = inJsonbOrder(source[key]);
    // Assigning "__proto__" would set the prototype; JSON.parse makes it an own key, and so must this.
    if (key === '__proto__') Object.defineProperty(ordered, key, { value: member, enumerable: true, writable: true, configurable: true });
    else ordered[key] = member;
  }
  return ordered;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** For ASCII keys the length in bytes is the length, and UTF-16 order is byte order. */
function byAscii(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Past ASCII they differ: a character beyond U+FFFF (a surrogate pair) sorts before U+E000 in UTF-16, after it in UTF-8. */
function byUtf8(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length - y.length || Buffer.compare(x, y);
}
