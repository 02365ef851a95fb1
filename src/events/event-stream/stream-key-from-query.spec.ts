import type { IncomingMessage } from 'node:http';
import { acceptStreamKeyInQuery } from './stream-key-from-query.js';

function run(url: string, readsRequireKey: boolean, headers: Record<string, string> = {}) {
  const request = { url, originalUrl: url, headers: { ...headers } } as unknown as IncomingMessage & { originalUrl: string };
  // A URL rewrite, run before routing: the request always goes on, with the URL it is given back.
  const called = acceptStreamKeyInQuery(readsRequireKey)(request) === request;
  // What the request logger will write: never the key.
  expect(request.originalUrl).toBe(request.url);
  return { url: request.url, authorization: request.headers.authorization, called };
}

describe('the event stream key in the query', () => {
  it('given reads need a key, when the stream is asked for with ?key=, then the key moves to Authorization and out of the URL', () => {
    expect(run('/v1/events/stream?after=now&key=secret-key-0123456789', true))
      .toEqual({ url: '/v1/events/stream?after=now', authorization: 'Bearer secret-key-0123456789', called: true });
  });

  it('given reads are open, when ?key= is sent, then it is dropped from the URL and not used', () => {
    expect(run('/v1/events/stream?key=abc', false)).toEqual({ url: '/v1/events/stream', authorization: undefined, called: true });
  });

  it('given an Authorization header, when ?key= is sent too, then the header stands', () => {
    expect(run('/v1/events/stream?key=abc', true, { authorization: 'Bearer header-key' }).authorization).toBe('Bearer header-key');
  });

  it('given another path, when ?key= is sent, then it is left alone (and refused there as an unknown parameter)', () => {
    expect(run('/v1/events?key=abc', true)).toEqual({ url: '/v1/events?key=abc', authorization: undefined, called: true });
  });
});
