import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { exceedsDepth, MAX_BODY_DEPTH } from './body-depth.js';
import { DomainError, InvalidInputError } from './domain-error.js';

/** The media types the JSON body parser reads (bootstrap.ts); any other body would reach the pipes empty. */
export const JSON_BODY_TYPES = ['application/json', /^\s*application\/[^\s;/]+\+json\s*(;|$)/i];

const MEDIA_TYPE = /^\s*([^\s;]+)/;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const isJsonType = (contentType: string): boolean => {
  const type = MEDIA_TYPE.exec(contentType)?.[1]?.toLowerCase();
  return type === 'application/json' || (type !== undefined && /^application\/[^/]+\+json$/.test(type));
};

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported-media-type';
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

export class MalformedBodyError extends DomainError {
  readonly code = 'malformed-body';
  readonly status = 400;
  readonly title = 'Malformed request body';
}

/**
 * A body sent as anything but JSON (a form, text/plain, no Content-Type) is refused as such, 415, rather
 * than parsed as nothing and reported as missing fields. Requests without a body pass.
 */
@Injectable()
export class RequireJsonBody implements NestMiddleware {
  use(request: IncomingMessage, _response: ServerResponse, next: (error?: unknown) => void): void {
    const contentType = request.headers['content-type'];
    if (!hasContent(request)) return next();
    if (contentType === undefined || !isJsonType(contentType)) {
      const sent = contentType ? `as ${contentType}` : 'without a Content-Type';
      return next(new UnsupportedMediaTypeError(`The request body was sent ${sent}; send JSON with "Content-Type: application/json"`,
        [{ field: 'content-type', message: 'must be application/json' }]));
    }
    const charset = CHARSET.exec(contentType)?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return next(new UnsupportedMediaTypeError(`The request body was sent in ${charset}; send JSON in UTF-8`,
        [{ field: 'content-type', message: 'charset must be utf-8' }]));
    }
    next();
  }
}

// An empty body (Content-Length: 0, as fetch sends on a bare POST) is no body, whatever its type says.
function hasContent(request: IncomingMessage): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * The JSON body parser: an empty body is no body (as a bare POST from fetch sends); malformed JSON is a 400 naming `body`, as is a body
 * nesting deeper than MAX_BODY_DEPTH, before any pipe walks it.
 */
export function parseJsonBody(_request: unknown, body: Buffer, done: (error: Error | null, value?: unknown) => void): void {
  if (body.length === 0) return done(null, undefined);
  const text = body.toString('utf8');
  // Strict, as Express's parser was: a body is an object or an array, never a bare string, number or null.
  const first = /^[ \t\n\r]*(.)/s.exec(text)?.[1];
  let value: unknown;
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('a JSON body must be an object or an array');
    value = JSON.parse(text);
  } catch (error) {
    return done(new MalformedBodyError('The request body is not valid JSON', [{ field: 'body', message: (error as Error).message }]));
  }
  if (exceedsDepth(value, MAX_BODY_DEPTH)) return done(new InvalidInputError('body', `the request body nests deeper than ${MAX_BODY_DEPTH} levels`));
  done(null, value);
}

/** BODY_LIMIT (`256kb`, `1mb`, `100b`) in bytes. */
export function bodyLimitBytes(limit: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(limit)!;
  return Number(amount) * { b: 1, kb: 1024, mb: 1024 ** 2 }[unit!.toLowerCase() as 'b' | 'kb' | 'mb'];
}
