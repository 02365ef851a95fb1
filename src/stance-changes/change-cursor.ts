import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidInputError } from '../common/domain-error.js';
import { SLUG } from '../common/validators.js';
import { TOPIC_PATH } from '../topics/topic-path.js';
import type { ChangeKey } from './stance-change-pairs.sql.js';
import type { Pin } from './stance-changes.projection.js';

/** Where the next page starts, how the first page saw the records, and which filters it belongs to. */
export interface ChangePosition {
  readonly query: string;
  readonly pin: Pin;
  readonly after: ChangeKey;
}

const MAX_CURSOR_LENGTH = 8192;
const SIGNATURE_BYTES = 16;
const SNAPSHOT = /^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20})*)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^\d{1,19}$/;

/**
 * Opaque page cursors: base64url JSON and an HMAC over it, so a client can neither build nor alter one;
 * anything else is a 400 naming `cursor`. The key is derived from the database's cursor secret with a
 * label of its own, so a timeline cursor can never pass for a stance-change cursor or the reverse.
 */
export class ChangeCursorCodec {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac('sha256', secret).update('stance-changes cursor').digest();
  }

  encode({ query, pin, after }: ChangePosition): string {
    const payload = Buffer.from(JSON.stringify({
      q: query, k: pin.knownAt.toISOString(), s: pin.snapshot,
      a: after.actorId, t: after.topicId, d: after.statedStart, e: after.statedEnd, p: after.firstPosition,
    })).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  decode(cursor: string, expectedQuery: string): ChangePosition {
    const position = this.verify(cursor);
    if (!position) throw new InvalidInputError('cursor', 'cursor is not one this service gave out');
    if (position.query !== expectedQuery) {
      throw new InvalidInputError('cursor', 'cursor belongs to another query: send the same actor, topic, from, to, kind and knownAt as for the first page');
    }
    return position;
  }

  private verify(cursor: string): ChangePosition | undefined {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, this.sign(payload))) return undefined;
    let data: Record<string, unknown> | null;
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    // Signed by us, so well-formed; checked anyway so that a leaked key cannot turn into a 500.
    const { q, k, s, a, t, d, e, p } = data ?? {};
    const knownAt = typeof k === 'string' ? new Date(k) : undefined;
    if (typeof q !== 'string' || !knownAt || Number.isNaN(knownAt.getTime()) || typeof s !== 'string' || !SNAPSHOT.test(s)
      || typeof a !== 'string' || !SLUG.test(a) || typeof t !== 'string' || !TOPIC_PATH.test(t)
      || typeof d !== 'string' || !DAY.test(d) || typeof e !== 'string' || !DAY.test(e)
      || typeof p !== 'string' || !POSITION.test(p)) return undefined;
    return { query: q, pin: { knownAt, snapshot: s }, after: { actorId: a, topicId: t, statedStart: d, statedEnd: e, firstPosition: p } };
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, SIGNATURE_BYTES);
  }
}
