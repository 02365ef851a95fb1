import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Environment } from '../config/environment.js';
import { hasRole, KeyRing, type Principal, type Role } from './api-keys.js';
import { ForbiddenError, UnauthenticatedError } from './auth.errors.js';
import { REQUIRED_ROLE } from './roles.decorator.js';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: KeyRing,
    private readonly env: Environment,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()])
      ?? (this.env.READS_REQUIRE_KEY && isApiRoute(context) ? 'reader' : undefined);
    if (!required) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = bearerToken(request.headers.authorization);
    if (!presented) throw new UnauthenticatedError('Send an API key as "Authorization: Bearer <key>"');
    const principal = this.keys.authenticate(presented);
    if (!principal) throw new UnauthenticatedError('The API key is not known');
    if (!hasRole(principal, required)) throw new ForbiddenError(`This operation needs a key with the ${required} role`);
    request.principal = principal;
    // The request log (config/logging.ts) reads the key's name from the Node request.
    (request.raw as typeof request.raw & { principal?: Principal }).principal = principal;
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

// Health and the API description stay open so probes and client generators work without a key.
function isApiRoute(context: ExecutionContext): boolean {
  // The route's own path: the router matches /V1/... too.
  return context.switchToHttp().getRequest<FastifyRequest>().routeOptions.url?.startsWith('/v1/') ?? false;
}
