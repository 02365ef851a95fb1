import type { NextFunction, Request, Response } from 'express';

export const TOKEN_HEADER = 'Stanceline-Token';
const FROM_QUERY = Symbol('consistency token from the query');

/**
 * Links cannot carry headers, so a read also takes its consistency token as `?afterToken=`: moved into the
 * `Stanceline-Token` header (unless one was sent) before the request's parameters are validated, so that
 * every read accepts it without naming it in its DTO. A bad one is then reported under `afterToken`.
 */
export function acceptTokenInQuery() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const at = request.url.indexOf('?');
    if (at === -1 || !request.url.includes('afterToken', at)) return next();
    const params = new URLSearchParams(request.url.slice(at + 1));
    const token = params.get('afterToken');
    if (token === null) return next();
    params.delete('afterToken');
    const rest = params.toString();
    request.url = rest === '' ? request.url.slice(0, at) : `${request.url.slice(0, at)}?${rest}`;
    if (request.headers[TOKEN_HEADER.toLowerCase()] === undefined) {
      request.headers[TOKEN_HEADER.toLowerCase()] = token;
      (request as Request & { [FROM_QUERY]?: boolean })[FROM_QUERY] = true;
    }
    next();
  };
}

export function tokenFieldOf(request: Request): string {
  return (request as Request & { [FROM_QUERY]?: boolean })[FROM_QUERY] ? 'afterToken' : TOKEN_HEADER;
}
