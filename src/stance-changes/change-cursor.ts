import { SignedCursor } from '../common/cursors/signed-cursor.js';
import { InvalidInputError } from '../common/domain-error.js';
import { SLUG } from '../common/validators.js';
import { ReadDemands } from '../database/read-routing/read-demand.js';
import { positionFromText, positionToText } from '../database/read-routing/wal-position.js';
import type { Pin } from '../statements/read-model/as-of.js';
import { TOPIC_PATH } from '../topics/topic-path.js';
import type { ChangeKey } from './stance-change-pairs.sql.js';

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
    return this.cursor.seal({
      q: query, k: pin.knownAt.toISOString(), s: pin.snapshot, w: pin.position === undefined ? undefined : positionToText(pin.position),
      a: after.actorId, t: after.topicId, d: after.statedStart, e: after.statedEnd, p: after.firstPosition,
    });
  }

  decode(cursor: string, expectedQuery: string): ChangePosition {
    const position = this.verify(cursor);
    if (!position) throw new InvalidInputError('cursor', 'cursor is not one this service gave out');
    if (position.query !== expectedQuery) {
      throw new InvalidInputError('cursor', 'cursor belongs to another query: send the same actor, topic, from, to, kind and knownAt as for the first page');
    }
    ReadDemands.continueCursorFrom(position.pin.position);
    return position;
  }

  private verify(cursor: string): ChangePosition | undefined {
    const data = this.cursor.open(cursor);
    // Signed by us, so well-formed; checked anyway so that a leaked key cannot turn into a 500.
    const { q, k, s, w, a, t, d, e, p } = data ?? {};
    const knownAt = typeof k === 'string' ? new Date(k) : undefined;
    if (typeof q !== 'string' || !knownAt || Number.isNaN(knownAt.getTime()) || typeof s !== 'string' || !SNAPSHOT.test(s)
      || typeof a !== 'string' || !SLUG.test(a) || typeof t !== 'string' || !TOPIC_PATH.test(t)
      || typeof d !== 'string' || !DAY.test(d) || typeof e !== 'string' || !DAY.test(e)
      || typeof p !== 'string' || !POSITION.test(p)) return undefined;
    return { query: q, pin: { knownAt, snapshot: s, position: positionFromText(w) }, after: { actorId: a, topicId: t, statedStart: d, statedEnd: e, firstPosition: p } };
  }
}
