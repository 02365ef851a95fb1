import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error.js';

/** The media types the JSON body parser reads (bootstrap.ts); any other body would reach the pipes empty. */
export const JSON_BODY_TYPES = ['application/json', 'application/*+json'];

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported-media-type';
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

/**
 * A body sent as anything but JSON (a form, text/plain, no Content-Type) is refused as such, 415, rather
 * than parsed as nothing and reported as missing fields. Requests without a body pass.
 */
@Injectable()
export class RequireJsonBody implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    if (hasContent(request) && request.is(JSON_BODY_TYPES) === false) {
      const sent = request.headers['content-type'] ? `as ${request.headers['content-type']}` : 'without a Content-Type';
      return next(new UnsupportedMediaTypeError(`The request body was sent ${sent}; send JSON with "Content-Type: application/json"`,
        [{ field: 'content-type', message: 'must be application/json' }]));
    }
    next();
  }
}

// An empty body (Content-Length: 0, as fetch sends on a bare POST) is no body, whatever its type says.
function hasContent(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
