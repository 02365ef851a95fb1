import { InvalidInputError } from '../../common/domain-error.js';
import { SLUG_PATH } from '../../common/validators.js';

/** Pages of the side-by-side read are cut between measures; the cursor is the last measure of a page. */
export function encodeMeasureCursor(measure: string): string {
  return Buffer.from(JSON.stringify({ after: measure })).toString('base64url');
}

export function decodeMeasureCursor(cursor: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const after = (decoded as { after?: unknown } | null)?.after;
  if (typeof after !== 'string' || !SLUG_PATH.test(after)) throw new InvalidInputError('cursor', 'cursor is not one this service gave out');
  return after;
}
