import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'Stanceline-Token';
const FROM_QUERY = Symbol('consistency token from the query');

/**
 * Links cannot carry headers, so a read also takes its consistency token as `?afterToken=`: moved into the
 * `Stanceline-Token` header (unless one was sent) before the request is routed and its parameters
 * validated (Fastify's rewriteUrl, bootstrap.ts), so that every read accepts it without naming it in its
 * DTO. A bad one is then reported under `afterToken`. Returns the request's URL without it.
 */
export function acceptTokenInQuery(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const at = url.indexOf('?');
  if (at === -1 || !url.includes('afterToken', at)) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  const token = params.get('afterToken');
  if (token === null) return url;
  params.delete('afterToken');
  const rest = params.toString();
  request.url = rest === '' ? url.slice(0, at) : `${url.slice(0, at)}?${rest}`;
  if (request.headers[TOKEN_HEADER.toLowerCase()] === undefined) {
    request.headers[TOKEN_HEADER.toLowerCase()] = token;
    (request as IncomingMessage & { [FROM_QUERY]?: boolean })[FROM_QUERY] = true;
  }
  return request.url;
}

/** The field a bad token is reported under; `request` is the Node request (a Fastify request's `raw`). */
export function tokenFieldOf(request: IncomingMessage): string {
  return (request as IncomingMessage & { [FROM_QUERY]?: boolean })[FROM_QUERY] ? 'afterToken' : TOKEN_HEADER;
}
