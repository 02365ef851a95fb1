import type { NextFunction, Request, Response } from 'express';

export const EVENT_STREAM_PATH = '/v1/events/stream';

/**
 * EventSource cannot send headers, so with READS_REQUIRE_KEY the event stream also takes its key as
 * `?key=`: moved into the Authorization header, where the API key guard looks, and out of the URL, so
 * that no log line carries it. Runs before the request logger. Only this path; every other read still
 * needs the header.
 */
export function acceptStreamKeyInQuery(readsRequireKey: boolean) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const [path, query] = splitUrl(request.url);
    if (query === undefined || path.replace(/\/+$/, '') !== EVENT_STREAM_PATH) return next();
    const params = new URLSearchParams(query);
    const key = params.get('key');
    if (key === null) return next();
    params.delete('key');
    const rest = params.toString();
    request.url = rest === '' ? path : `${path}?${rest}`;
    // The request logger writes originalUrl, which Express took before any middleware ran.
    request.originalUrl = request.url;
    if (readsRequireKey && request.headers.authorization === undefined && key !== '') request.headers.authorization = `Bearer ${key}`;
    next();
  };
}

function splitUrl(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at === -1 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}
