import { DomainError } from '../common/domain-error.js';

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
  readonly status = 401;
  readonly title = 'Unauthenticated';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;
  readonly title = 'Forbidden';
}
