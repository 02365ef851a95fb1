import { isTopicPath } from '../topic-path.js';

/**
 * The opaque `cursor` of the topic list: the last id of the page, base64url-encoded so clients do not
 * build it themselves. Decoding answers undefined for anything this service did not hand out.
 */
export function encodeTopicCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

export function decodeTopicCursor(cursor: string): string | undefined {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    return isTopicPath(after) ? after : undefined;
  } catch {
    return undefined;
  }
}
