import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidInputError } from '../../../common/domain-error.js';

/**
 * Where the next page of a timeline starts, and how the first page saw the records: its `knownAt` and
 * its snapshot (see as-of.ts). Bound to the query it continues by a digest of the filters.
 */
export interface TimelinePosition {
  readonly query: string;
  readonly knownAt: Date;
  readonly snapshot: string;
  readonly statedStart: string;
  readonly firstPosition: string;
}

const MAX_CURSOR_LENGTH = 8192;
const SIGNATURE_BYTES = 16;
const SNAPSHOT = /^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20})*)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^\d{1,19}$/;

/** A short digest of the filters a cursor belongs to; equal filters in any order give equal digests. */
export function queryDigest(filters: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(filters).sort().map((k) => [k, filters[k] ?? null]));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/**
 * Opaque cursors: base64url JSON and an HMAC over it. Clients cannot build or alter one; anything that
 * is not a cursor this service signed is a 400 naming `cursor`, never a query with made-up values.
 */
export class TimelineCursorCodec {
  constructor(private readonly key: Buffer) {}

  encode(position: TimelinePosition): string {
    const payload = Buffer.from(JSON.stringify({
      q: position.query, k: position.knownAt.toISOString(), s: position.snapshot, d: position.statedStart, p: position.firstPosition,
    })).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  decode(cursor: string, expectedQuery: string): TimelinePosition {
    const position = this.verify(cursor);
    if (!position) throw new InvalidInputError('cursor', 'cursor is not one this service gave out');
    if (position.query !== expectedQuery) {
      throw new InvalidInputError('cursor', 'cursor belongs to another query: send the same actor, topic, from, to and knownAt as for the first page');
    }
    return position;
  }

  private verify(cursor: string): TimelinePosition | undefined {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, this.sign(payload))) return undefined;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    // Signed by us, so well-formed; checked anyway so that a leaked key cannot turn into a 500.
    const { q, k, s, d, p } = data ?? {};
    const knownAt = typeof k === 'string' ? new Date(k) : undefined;
    if (typeof q !== 'string' || !knownAt || Number.isNaN(knownAt.getTime()) || typeof s !== 'string' || !SNAPSHOT.test(s)
      || typeof d !== 'string' || !DAY.test(d) || typeof p !== 'string' || !POSITION.test(p)) return undefined;
    return { query: q, knownAt, snapshot: s, statedStart: d, firstPosition: p };
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, SIGNATURE_BYTES);
  }
}
