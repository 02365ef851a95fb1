/**
 * An error the domain or the event store expects and names. The problem+json filter maps each to its
 * HTTP status; `code` becomes the problem `type`, so clients can branch on it without parsing text.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  abstract readonly title: string;
  /** Offending input fields, when the error is about specific ones. */
  readonly errors?: { field: string; message: string; [detail: string]: unknown }[];

  constructor(message: string, errors?: { field: string; message: string; [detail: string]: unknown }[]) {
    super(message);
    this.name = new.target.name;
    this.errors = errors;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not-found';
  readonly status = 404;
  readonly title = 'Not found';
}

export class AlreadyExistsError extends DomainError {
  readonly code = 'already-exists';
  readonly status = 409;
  readonly title = 'Already exists';
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
  readonly status = 409;
  readonly title = 'Conflict';
}

/** The request names something (an actor, a topic, a source) that does not exist: each such field listed. */
export class UnknownReferenceError extends DomainError {
  readonly code = 'unknown-reference';
  readonly status = 422;
  readonly title = 'Unknown reference';

  constructor(errors: { field: string; message: string }[]) {
    super(errors.map((e) => e.message).join('; '), errors);
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'validation';
  readonly status = 400;
  readonly title = 'Invalid input';

  constructor(field: string, message: string) {
    super(message, [{ field, message }]);
  }
}

/**
 * A correction whose every value equals the current one. 422 rather than 400: the body is well formed,
 * but recording it would add a version that says nothing, and a client that sends it has a stale view.
 */
export class NothingToCorrectError extends DomainError {
  readonly code = 'nothing-to-correct';
  readonly status = 422;
  readonly title = 'Nothing to correct';

  constructor(message: string) {
    super(message, [{ field: 'changes', message: 'every value equals the current one' }]);
  }
}
