import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { keyIdOf } from '../auth/api-keys.js';
import { TooManyWritesError } from './too-many-writes.error.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Limits writes per API key (WRITE_RATE_LIMIT per WRITE_RATE_WINDOW_MS), all write routes counted
 * together; reads are never limited here. The bucket is named by the key's non-secret id, so the key
 * itself is neither stored nor logged; a request without a key counts against its client address
 * (it is refused with 401 anyway). The counters live in this process: N instances allow N times the limit.
 */
@Injectable()
export class WriteThrottleGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return READ_METHODS.has(context.switchToHttp().getRequest<FastifyRequest>().method);
  }

  protected override async getTracker(request: FastifyRequest): Promise<string> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    return match ? keyIdOf(match[1]) : `address-${request.ip ?? 'unknown'}`;
  }

  // One bucket per key across every write route, not one per route.
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `writes:${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new TooManyWritesError(Math.max(1, detail.timeToBlockExpire), detail.limit, detail.ttl);
  }
}
