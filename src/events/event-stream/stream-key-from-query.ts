import type { IncomingMessage } from 'node:http';

export const EVENT_STREAM_PATH = '/v1/events/stream';

/**
 * EventSource cannot send headers, so with READS_REQUIRE_KEY the event stream also takes its key as
 * `?key=`: moved into the Authorization header, where the API key guard looks, and out of the URL, so
 * that no log line carries it. Runs before the request is routed and logged (Fastify's rewriteUrl,
 * bootstrap.ts). Only this path; every other read still needs the header. The returned function gives
 * the request back, its URL without the key.
 */
export function acceptStreamKeyInQuery(readsRequireKey: boolean) {
  return (request: IncomingMessage & { originalUrl?: string }): IncomingMessage => {
    const [path, query] = splitUrl(request.url ?? '/');
    if (query === undefined || path.replace(/\/+$/, '').toLowerCase() !== EVENT_STREAM_PATH) return request;
    const params = new URLSearchParams(query);
    const key = params.get('key');
    if (key === null) return request;
    params.delete('key');
    const rest = params.toString();
    request.url = rest === '' ? path : `${path}?${rest}`;
    // Fastify keeps the URL as it came in as originalUrl: the key must not stay there either.
    request.originalUrl = request.url;
    if (readsRequireKey && request.headers.authorization === undefined && key !== '') request.headers.authorization = `Bearer ${key}`;
    return request;
  };
}

function splitUrl(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at === -1 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}
