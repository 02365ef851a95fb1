import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { InvalidInputError } from '../../common/domain-error.js';
import { TOKEN_HEADER, tokenFieldOf } from './token-from-query.js';
import { ConsistencyToken, type WalPosition } from './wal-position.js';

const READS = new Set(['GET', 'HEAD']);

/** Whether the request only reads: the requests a consistency token is for. */
export const isRead = (request: { method?: string }): boolean => READS.has(request.method!);
const FLOOR = Symbol('the floor of the consistency token sent');

/**
 * A read's consistency token, decoded once per request: a malformed one is refused with or without
 * replicas (bad input is a 400 naming its field: the header, or `afterToken`), a good one kept for
 * ConsistencyInterceptor (tokenFloorOf), which only runs when there are replicas to route to. A Nest
 * middleware, so that the refusal is logged like any other request.
 */
@Injectable()
export class ReadConsistencyToken implements NestMiddleware {
  use(request: IncomingMessage, _response: ServerResponse, next: (error?: unknown) => void): void {
    const token = request.headers[TOKEN_HEADER.toLowerCase()];
    if (token === undefined || token === '' || !isRead(request)) return next();
    const floor = typeof token === 'string' ? ConsistencyToken.decode(token) : undefined;
    if (floor === undefined) {
      return next(new InvalidInputError(tokenFieldOf(request), 'not a consistency token this service gave out (send back the Stanceline-Token header of a write)'));
    }
    (request as IncomingMessage & { [FLOOR]?: WalPosition })[FLOOR] = floor;
    next();
  }
}

/** The floor of the token a read sent, as ReadConsistencyToken found it; `request` is the Node request (a Fastify request's `raw`). */
export function tokenFloorOf(request: IncomingMessage): WalPosition | undefined {
  return (request as IncomingMessage & { [FLOOR]?: WalPosition })[FLOOR];
}
