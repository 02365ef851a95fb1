import { DomainError } from '../common/domain-error.js';

/** A retracted statement is closed: it can neither be corrected nor retracted again. */
export class StatementRetractedError extends DomainError {
  readonly code = 'statement-retracted';
  readonly status = 409;
  readonly title = 'Statement retracted';
}
