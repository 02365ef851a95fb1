import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import { ReadDemands, type ReadDemand } from './read-demand.js';
import { ReadRouter } from './read-router.js';
import { isRead, tokenFloorOf } from './consistency-token.middleware.js';
import { TOKEN_HEADER } from './token-from-query.js';

/**
 * Read-your-writes at the HTTP edge, when the service has replicas (DatabaseModule registers it only
 * then: without replicas there is nothing to route, and any interceptor puts every request through
 * rxjs): a successful write answers with the `Stanceline-Token` header; a read runs with the demand its
 * request makes (its token's floor, primary only for `knownAt`, the floor its cursor carries) for
 * ReadRouter to honour. The token itself was read, and a malformed one refused, by ReadConsistencyToken.
 */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(private readonly reads: ReadRouter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (isRead(request)) {
      const demand = demandOf(request);
      return new Observable((subscriber) => ReadDemands.run(demand, () => next.handle().subscribe(subscriber)));
    }
    const response = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(mergeMap(async (body: unknown) => {
      response.header(TOKEN_HEADER, await this.reads.tokenAfterWrite());
      return body;
    }));
  }
}

function demandOf(request: FastifyRequest): ReadDemand {
  const query = request.query as Record<string, unknown>;
  return {
    floor: tokenFloorOf(request.raw),
    // Records are stamped with their transaction's start, so an answer as of a past instant can still
    // change until every transaction begun before it has ended: only the primary's answer is the answer.
    primaryOnly: query.knownAt !== undefined,
    cursorWithoutFloor: query.cursor !== undefined,
  };
}
