import { SignedCursor } from '../../../common/cursors/signed-cursor.js';
import { InvalidInputError } from '../../../common/domain-error.js';
import { ReadDemands } from '../../../database/read-routing/read-demand.js';
import { positionFromText, positionToText } from '../../../database/read-routing/wal-position.js';
import type { Pin } from '../as-of.js';

/**
 * Where the next page of a timeline starts, and how the first page saw the records: its `knownAt`, its
 * snapshot and the primary's WAL position (see as-of.ts). Bound to the query it continues by a digest of
 * the filters.
 */
export interface TimelinePosition {
  readonly query: string;
  readonly pin: Pin;
  readonly statedStart: string;
  readonly firstPosition: string;
}

const SNAPSHOT = /^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20})*)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^\d{1,19}$/;

/** Timeline cursors (see SignedCursor); anything this service did not sign is a 400 naming `cursor`. */
export class TimelineCursorCodec {
  private readonly cursor: SignedCursor;

  constructor(secret: Buffer) {
    this.cursor = new SignedCursor(secret, 'timeline cursor');
  }

  encode(position: TimelinePosition): string {
    return this.cursor.seal({
      q: position.query, k: position.pin.knownAt.toISOString(), s: position.pin.snapshot,
      w: position.pin.position === undefined ? undefined : positionToText(position.pin.position), d: position.statedStart, p: position.firstPosition,
    });
  }

  decode(cursor: string, expectedQuery: string): TimelinePosition {
    const position = this.verify(cursor);
    if (!position) throw new InvalidInputError('cursor', 'cursor is not one this service gave out');
    if (position.query !== expectedQuery) {
      throw new InvalidInputError('cursor', 'cursor belongs to another query: send the same actor, topic, from, to and knownAt as for the first page');
    }
    ReadDemands.continueCursorFrom(position.pin.position);
    return position;
  }

  private verify(cursor: string): TimelinePosition | undefined {
    const data = this.cursor.open(cursor);
    // Signed by us, so well-formed; checked anyway so that a leaked key cannot turn into a 500.
    const { q, k, s, w, d, p } = data ?? {};
    const knownAt = typeof k === 'string' ? new Date(k) : undefined;
    if (typeof q !== 'string' || !knownAt || Number.isNaN(knownAt.getTime()) || typeof s !== 'string' || !SNAPSHOT.test(s)
      || typeof d !== 'string' || !DAY.test(d) || typeof p !== 'string' || !POSITION.test(p)) return undefined;
    return { query: q, pin: { knownAt, snapshot: s, position: positionFromText(w) }, statedStart: d, firstPosition: p };
  }
}
