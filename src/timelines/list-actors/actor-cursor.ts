import { MAX_ID_LENGTH, SLUG } from '../../common/validators.js';

/**
 * The opaque `cursor` of the actor list: the last id of the page, base64url-encoded so clients do not
 * build it themselves. Decoding answers undefined for anything this service did not hand out.
 */
export function encodeActorCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

export function decodeActorCursor(cursor: string): string | undefined {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    return typeof after === 'string' && after.length <= MAX_ID_LENGTH && SLUG.test(after) ? after : undefined;
  } catch {
    return undefined;
  }
}
