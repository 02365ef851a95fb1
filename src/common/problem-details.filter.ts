import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from './domain-error.js';
import { problem, type Problem } from './problem.js';

const DATABASE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003']);

/** The one place where errors become RFC 9457 problem+json responses. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(error);
    if (response.headersSent) return void response.end();
    if (body.status === 429) response.setHeader('Retry-After', String(body.retryAfter ?? 60));
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  toProblem(error: unknown): Problem {
    if (error instanceof DomainError) {
      const { retryAfter } = error as { retryAfter?: number };
      return problem(error.status, error.code, error.title, error.message,
        { ...(error.errors ? { errors: error.errors } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) });
    }
    // Nest wraps the body parser's errors in an HttpException; the parser's own error says what went wrong.
    const unwrapped = error instanceof HttpException && isBodyParserError(error.cause) ? error.cause : error;
    if (unwrapped instanceof HttpException) return fromHttpException(unwrapped);
    const bodyParser = unwrapped as { type?: string; status?: number; message?: string };
    if (typeof bodyParser?.type === 'string' && typeof bodyParser.status === 'number' && bodyParser.status < 500) {
      // Raised by the JSON body parser before any route runs: too large, malformed, wrong charset.
      if (bodyParser.type === 'entity.too.large') return tooLarge(bodyParser as { limit?: number });
      return problem(bodyParser.status, 'malformed-body', 'Malformed request body', 'The request body is not valid JSON',
        { errors: [{ field: 'body', message: bodyParser.message ?? 'invalid' }] });
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn({ err: error }, 'database unavailable');
      return problem(503, 'database-unavailable', 'Service unavailable', 'The database is not reachable; try again shortly');
    }
    this.logger.error({ err: error }, 'unexpected error');
    return problem(500, 'internal', 'Internal error', 'The service failed to handle this request');
  }
}

// The parser's error carries the configured limit (BODY_LIMIT) in bytes: the client learns what would fit.
function tooLarge({ limit }: { limit?: number }): Problem {
  const most = limit === undefined ? 'the limit' : `${limit} bytes (${Math.round(limit / 1024)} KiB)`;
  const detail = `The request body is larger than the service accepts: at most ${most}, counted after decompression`;
  return problem(413, 'payload-too-large', 'Payload too large', detail, { errors: [{ field: 'body', message: `larger than ${most}` }] });
}

function isBodyParserError(error: unknown): boolean {
  const e = error as { type?: unknown; status?: unknown };
  return typeof e?.type === 'string' && typeof e.status === 'number';
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
