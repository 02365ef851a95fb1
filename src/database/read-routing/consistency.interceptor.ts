import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { mergeMap, Observable } from 'rxjs';
import { InvalidInputError } from '../../common/domain-error.js';
import { ReadDemands, type ReadDemand } from './read-demand.js';
import { ReadRouter } from './read-router.js';
import { TOKEN_HEADER, tokenFieldOf } from './token-from-query.js';
import { ConsistencyToken } from './wal-position.js';

const READS = new Set(['GET', 'HEAD']);

/**
 * Read-your-writes at the HTTP edge, when the service has replicas: a successful write answers with the
 * `Stanceline-Token` header; a read runs with the demand its request makes (its token's floor, primary
 * only for `knownAt`, the floor its cursor carries) for ReadRouter to honour.
 */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(private readonly reads: ReadRouter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (READS.has(request.method)) {
      // A malformed token is refused with or without replicas: bad input is a 400 naming its field.
      const demand = demandOf(request);
      if (!this.reads.routing) return next.handle();
      return new Observable((subscriber) => ReadDemands.run(demand, () => next.handle().subscribe(subscriber)));
    }
    if (!this.reads.routing) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(mergeMap(async (body: unknown) => {
      response.setHeader(TOKEN_HEADER, await this.reads.tokenAfterWrite());
      return body;
    }));
  }
}

function demandOf(request: Request): ReadDemand {
  const token = request.header(TOKEN_HEADER);
  const floor = token === undefined || token === '' ? undefined : ConsistencyToken.decode(token);
  if (token && floor === undefined) {
    throw new InvalidInputError(tokenFieldOf(request), 'not a consistency token this service gave out (send back the Stanceline-Token header of a write)');
  }
  const query = request.query as Record<string, unknown>;
  return {
    floor,
    // Records are stamped with their transaction's start, so an answer as of a past instant can still
    // change until every transaction begun before it has ended: only the primary's answer is the answer.
    primaryOnly: query.knownAt !== undefined,
    cursorWithoutFloor: query.cursor !== undefined,
  };
}
