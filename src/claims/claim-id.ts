import { NotFoundError } from '../common/domain-error.js';
import { MAX_ID_LENGTH, SLUG, UUID } from '../common/validators.js';

/** An id from the path. One that could never have been given (not a slug nor a UUID) names no claim. */
export function requireClaimIdShape(id: string): string {
  if (id.length > MAX_ID_LENGTH || !(SLUG.test(id) || UUID.test(id))) throw new NotFoundError(`No claim ${JSON.stringify(id.slice(0, MAX_ID_LENGTH))}`);
  return id;
}
