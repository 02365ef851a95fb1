import { SignedCursor } from '../common/cursors/signed-cursor.js';
import { SLUG } from '../common/validators.js';
import { ReadDemands } from '../database/read-routing/read-demand.js';
import { positionFromText, positionToText } from '../database/read-routing/wal-position.js';
import type { Pin } from '../statements/read-model/as-of.js';
import { TOPIC_PATH } from '../topics/topic-path.js';
import type { ChangeKey } from './stance-change-pairs.query.js';

/** Where the next page starts, how the first page saw the records, and which filters it belongs to. */
export interface ChangePosition {
  readonly query: string;
  readonly pin: Pin;
  readonly after: ChangeKey;
}

const SNAPSHOT = /^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20})*)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^\d{1,19}$/;

/** Stance-change report cursors (see SignedCursor); anything else is a 400 naming `cursor`. */
export class ChangeCursorCodec {
  private readonly cursor: SignedCursor;

  constructor(secret: Buffer) {
    this.cursor = new SignedCursor(secret, 'stance-changes cursor');
  }

  encode({ query, pin, after }: ChangePosition): string {
    return this.cursor.seal(query, {
      k: pin.knownAt.toISOString(), s: pin.snapshot, w: pin.position === undefined ? undefined : positionToText(pin.position),
      a: after.actorId, t: after.topicId, d: after.statedStart, e: after.statedEnd, p: after.firstPosition,
    });
  }

  decode(cursor: string, expectedQuery: string): ChangePosition {
    const position = this.cursor.open(cursor, expectedQuery, ({ q, k, s, w, a, t, d, e, p }) => {
      const knownAt = typeof k === 'string' ? new Date(k) : undefined;
      if (!knownAt || Number.isNaN(knownAt.getTime()) || typeof s !== 'string' || !SNAPSHOT.test(s)
        || typeof a !== 'string' || !SLUG.test(a) || typeof t !== 'string' || !TOPIC_PATH.test(t)
        || typeof d !== 'string' || !DAY.test(d) || typeof e !== 'string' || !DAY.test(e)
        || typeof p !== 'string' || !POSITION.test(p)) return undefined;
      return { query: q as string, pin: { knownAt, snapshot: s, position: positionFromText(w) }, after: { actorId: a, topicId: t, statedStart: d, statedEnd: e, firstPosition: p } };
    });
    ReadDemands.continueCursorFrom(position.pin.position);
    return position;
  }
}
