import type { IncomingMessage } from 'node:http';
import fastifyCompress from '@fastify/compress';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ServiceLogger } from './config/logging.js';
import { bodyLimitBytes, JSON_BODY_TYPES, parseJsonBody } from './common/json-body.js';
import { ServiceHttpAdapter } from './common/http-adapter.js';
import { acceptNamedWildcards } from './common/named-wildcards.js';
import { setupOpenApi } from './common/openapi.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { Environment } from './config/environment.js';
import { acceptTokenInQuery } from './database/read-routing/token-from-query.js';
import { acceptStreamKeyInQuery } from './events/event-stream/stream-key-from-query.js';
import { serveWebPage } from './timelines/web-page/serve-web-page.js';
import { answerClientError } from './security/client-errors.js';
import { corsOptions } from './security/cors.js';

/** Builds the whole HTTP application; main.ts and the e2e tests share it so they test what runs. */
export async function createApp(env: Environment): Promise<NestFastifyApplication> {
  const bodyLimit = bodyLimitBytes(env.BODY_LIMIT);
  const streamKey = acceptStreamKeyInQuery(env.READS_REQUIRE_KEY);
  const adapter = new ServiceHttpAdapter({
    bodyLimit,
    // As Express routed: /V1/Topics and /v1/topics/ are /v1/topics, and a path parameter as long as a URL
    // may be is looked at (and refused by its pipe) rather than answered 414 by the router.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16_384 },
    // Keys and tokens carried in the query move to their headers before routing, so the query the routes
    // parse and validate, and the path the request log writes, never carry them.
    rewriteUrl: (request: IncomingMessage) => acceptTokenInQuery(streamKey(request)),
    clientErrorHandler: answerClientError,
    // Node's own defaults, which Express kept and Fastify changes (72 s; none): an idle keep-alive
    // connection closes after 5 s, a request must arrive within 5 minutes (408 otherwise).
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
  });
  // A failed start is rethrown (abortOnError false) and its buffered logs dropped (autoFlushLogs false),
  // so main.ts reports it as one line; a good start sends the buffered logs on to pino.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter,
    { bufferLogs: true, bodyParser: false, abortOnError: false, autoFlushLogs: false });
  app.useLogger(new ServiceLogger(app.get(Logger)));
  app.flushLogs();
  acceptNamedWildcards(app.getHttpAdapter().getInstance());
  // Bodies sent compressed are inflated first: the body limit counts what they inflate to.
  await app.register(fastifyCompress, { globalCompression: false, globalDecompression: true });
  for (const type of JSON_BODY_TYPES) app.useBodyParser(type, { bodyLimit }, parseJsonBody);
  app.useSecurityHeaders({ contentSecurityPolicy: false });
  const cors = corsOptions(env.CORS_ORIGINS);
  if (cors) app.enableCors(cors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(bodyLimit));
  await serveWebPage(app);
  app.enableShutdownHooks();

  setupOpenApi(app);
  return app;
}
