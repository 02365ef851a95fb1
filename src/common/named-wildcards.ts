import type { FastifyInstance, RouteOptions } from 'fastify';

const NAMED_WILDCARD = /\*(\w+)$/;

/**
 * Routes written with Express 5's named wildcard (`@Get('*id')`, a topic path with slashes; the OpenAPI
 * document names the parameter after it) served by Fastify, whose wildcard is a bare `*`: the route is
 * registered with `*`, and what it matched handed to the handler under the wildcard's name.
 */
export function acceptNamedWildcards(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const named = NAMED_WILDCARD.exec(route.url);
    if (!named) return;
    const name = named[1]!;
    route.url = `${route.url.slice(0, named.index)}*`;
    const hooks = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
    route.preHandler = [(request, _reply, done) => {
      const params = request.params as Record<string, string>;
      params[name] = params['*']!;
      done();
    }, ...hooks];
  });
}
