import { DomainError } from '../common/domain-error.js';
import type { ExpectedVersion } from './recorded-event.js';

/** Someone else appended to the stream since the caller read it. */
export class WrongExpectedVersionError extends DomainError {
  readonly code = 'concurrency-conflict';
  readonly status = 409;
  readonly title = 'Concurrent change';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | undefined,
  ) {
    super(`Stream ${streamId} is at version ${actual ?? 'unknown'}, expected ${expected}`);
  }
}

/** The idempotency key was used before, for different content. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency-key-reused';
  readonly status = 422;
  readonly title = 'Idempotency key reused';

  constructor(key: string) {
    super(`Idempotency key ${key} was already used for a different request`, [
      { field: 'Idempotency-Key', message: 'already used for a different request body' },
    ]);
  }
}
