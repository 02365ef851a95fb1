import { DomainError } from '../common/domain-error.js';

/** A retracted statement is closed: it can neither be corrected nor retracted again. */
export class StatementRetractedError extends DomainError {
  readonly code = 'statement-retracted';
  readonly status = 409;
  readonly title = 'Statement retracted';
}

/** Several references of one request name nothing; all are reported at once so one round trip fixes them. */
export class UnknownReferencesError extends DomainError {
  readonly code = 'unknown-reference';
  readonly status = 422;
  readonly title = 'Unknown reference';
}
