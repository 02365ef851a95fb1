import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from './domain-error.js';
import { problem, type Problem } from './problem.js';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const DATABASE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003']);

/** The one place where errors become RFC 9457 problem+json responses. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  /** `bodyLimit`: BODY_LIMIT in bytes, which a 413 names. */
  constructor(private readonly bodyLimit?: number) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(error);
    if (reply.raw.headersSent) return void reply.raw.end();
    if (body.status === 429) reply.header('Retry-After', String(body.retryAfter ?? 60));
    const json = JSON.stringify(body);
    // A reply taken over for streaming (the event stream) that failed before writing anything: Fastify
    // sends nothing on it any more, so the problem goes out on the Node response.
    if (reply.sent) return void reply.raw.writeHead(body.status, { 'Content-Type': PROBLEM_JSON, 'Content-Length': Buffer.byteLength(json) }).end(json);
    reply.code(body.status).type(PROBLEM_JSON).send(json);
  }

  toProblem(error: unknown): Problem {
    if (error instanceof DomainError) {
      const { retryAfter } = error as { retryAfter?: number };
      return problem(error.status, error.code, error.title, error.message,
        { ...(error.errors ? { errors: error.errors } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) });
    }
    // Nest wraps Fastify's errors in an HttpException; Fastify's own error says what went wrong.
    const unwrapped = error instanceof HttpException && isBodyError(error.cause) ? error.cause : error;
    if (unwrapped instanceof HttpException) return fromHttpException(unwrapped);
    if (isBodyError(unwrapped)) {
      // Raised while the body is read, before any route runs: too large, not inflatable, unreadable.
      if (unwrapped.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return tooLarge(this.bodyLimit);
      return problem(unwrapped.statusCode, 'malformed-body', 'Malformed request body', 'The request body could not be read',
        { errors: [{ field: 'body', message: unwrapped.message }] });
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn({ err: error }, 'database unavailable');
      return problem(503, 'database-unavailable', 'Service unavailable', 'The database is not reachable; try again shortly');
    }
    this.logger.error({ err: error }, 'unexpected error');
    return problem(500, 'internal', 'Internal error', 'The service failed to handle this request');
  }
}

// The configured limit (BODY_LIMIT) in bytes: the client learns what would fit.
function tooLarge(limit: number | undefined): Problem {
  const most = limit === undefined ? 'the limit' : `${limit} bytes (${Math.round(limit / 1024)} KiB)`;
  const detail = `The request body is larger than the service accepts: at most ${most}, counted after decompression`;
  return problem(413, 'payload-too-large', 'Payload too large', detail, { errors: [{ field: 'body', message: `larger than ${most}` }] });
}

/** Fastify's (FST_ERR_CTP_*) and @fastify/compress's (FST_CP_ERR_*) refusals of a request body. */
function isBodyError(error: unknown): error is Error & { code: string; statusCode: number } {
  const e = error as { code?: unknown; statusCode?: unknown };
  return typeof e?.code === 'string' && /^FST_(ERR_CTP|CP_ERR)_/.test(e.code) && typeof e.statusCode === 'number' && e.statusCode < 500;
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const payload = error.getResponse() as { message?: string | string[]; errors?: Problem['errors']; error?: string } | string;
  const detail = typeof payload === 'string' ? payload : Array.isArray(payload.message) ? payload.message.join('; ') : payload.message ?? error.message;
  const errors = typeof payload === 'object' ? payload.errors : undefined;
  const title = typeof payload === 'object' && payload.error ? payload.error : error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  return problem(status, slug(title), title, detail, errors ? { errors } : {});
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const message = e?.driverError?.message ?? e?.message ?? '';
  return (code !== undefined && DATABASE_UNAVAILABLE.has(code))
    || /Connection terminated|timeout exceeded when trying to connect|Connection refused|connect ECONNREFUSED|Query read timeout|Client has encountered a connection error/i.test(message);
}
