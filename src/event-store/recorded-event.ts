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

export function toRecordedEvent(row: EventRow): RecordedEvent {
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
