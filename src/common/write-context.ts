import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import type { CommandOptions } from '../event-store/stream-commands.js';
import { InvalidInputError } from './domain-error.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const IF_MATCH = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * What every write passes to the event store besides its command: who recorded it, the idempotency key
 * (scoped to the caller's API key, so two clients cannot collide), with it a fingerprint of the request
 * so a reused key with another body is caught, and the `If-Match` version.
 */
export const WriteContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandOptions => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new InvalidInputError('Idempotency-Key', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
  }
  const ifMatch = header(request, 'if-match');
  const expected = ifMatch === undefined ? undefined : IF_MATCH.exec(ifMatch.trim())?.[1];
  if (ifMatch !== undefined && expected === undefined) {
    throw new InvalidInputError('If-Match', 'If-Match must be a statement version, e.g. "3"');
  }
  const principal = request.principal?.keyId ?? 'anonymous';
  return {
    idempotencyKey: key === undefined ? undefined : `${principal}:${key}`,
    // Only a key is checked against it: without one, the body is not serialised and hashed for nothing.
    fingerprint: key === undefined ? undefined : createHash('sha256')
      .update(JSON.stringify([request.method, request.originalUrl.split('?')[0], ifMatch ?? null, request.body ?? null]))
      .digest('base64url'),
    expectedVersion: expected === undefined ? undefined : Number(expected),
    metadata: { recordedBy: principal, correlationId: String(request.id ?? '') || undefined },
  };
});

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
