import { SignedCursor } from '../../../common/cursors/signed-cursor.js';
import { ReadDemands } from '../../../database/read-routing/read-demand.js';
import { positionFromText, positionToText } from '../../../database/read-routing/wal-position.js';
import type { Pin } from '../as-of.js';

/**
 * Where the next page of a timeline starts, and how the first page saw the records: its `knownAt`, its
 * snapshot and the primary's WAL position (see as-of.ts). Bound to the query it continues by a digest of
 * the filters. A search ordered by relevance also carries the rank of the last item (exact: numeric text).
 */
export interface TimelinePosition {
  readonly query: string;
  readonly pin: Pin;
  readonly statedStart: string;
  readonly firstPosition: string;
  readonly rank?: string;
}

const SNAPSHOT = /^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20})*)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^\d{1,19}$/;
const RANK = /^\d{1,3}(\.\d{1,12})?$/;

/** Timeline cursors (see SignedCursor); anything this service did not sign is a 400 naming `cursor`. */
export class TimelineCursorCodec {
  private readonly cursor: SignedCursor;

  constructor(secret: Buffer) {
    this.cursor = new SignedCursor(secret, 'timeline cursor');
  }

  encode(position: TimelinePosition): string {
    return this.cursor.seal(position.query, {
      k: position.pin.knownAt.toISOString(), s: position.pin.snapshot,
      w: position.pin.position === undefined ? undefined : positionToText(position.pin.position), d: position.statedStart, p: position.firstPosition,
      ...(position.rank === undefined ? {} : { r: position.rank }),
    });
  }

  decode(cursor: string, expectedQuery: string): TimelinePosition {
    const position = this.cursor.open(cursor, expectedQuery, ({ q, k, s, w, d, p, r }) => {
      const knownAt = typeof k === 'string' ? new Date(k) : undefined;
      if (!knownAt || Number.isNaN(knownAt.getTime()) || typeof s !== 'string' || !SNAPSHOT.test(s)
        || typeof d !== 'string' || !DAY.test(d) || typeof p !== 'string' || !POSITION.test(p)
        || (r !== undefined && (typeof r !== 'string' || !RANK.test(r)))) return undefined;
      return { query: q as string, pin: { knownAt, snapshot: s, position: positionFromText(w) }, statedStart: d, firstPosition: p, ...(r === undefined ? {} : { rank: r }) };
    });
    ReadDemands.continueCursorFrom(position.pin.position);
    return position;
  }
}
