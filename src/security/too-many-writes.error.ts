import { DomainError } from '../common/domain-error.js';

/** A key sent more writes than WRITE_RATE_LIMIT allows in a window; `retryAfter` (seconds) also becomes the header. */
export class TooManyWritesError extends DomainError {
  readonly code = 'too-many-requests';
  readonly status = 429;
  readonly title = 'Too many requests';

  constructor(readonly retryAfter: number, limit: number, windowMs: number) {
    super(`This API key may send ${limit} writes per ${windowMs / 1000} s; try again in ${retryAfter} s`);
  }
}
