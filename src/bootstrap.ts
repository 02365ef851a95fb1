import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ServiceLogger } from './config/logging.js';
import { limitBodyDepth } from './common/body-depth.js';
import { setupOpenApi } from './common/openapi.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { Environment } from './config/environment.js';
import { acceptTokenInQuery } from './database/read-routing/token-from-query.js';
import { acceptStreamKeyInQuery } from './events/event-stream/stream-key-from-query.js';
import { serveWebPage } from './timelines/web-page/serve-web-page.js';
import { answerClientErrors } from './security/client-errors.js';
import { corsOptions } from './security/cors.js';

/** Builds the whole HTTP application; main.ts and the e2e tests share it so they test what runs. */
export async function createApp(env: Environment): Promise<NestExpressApplication> {
  // A failed start is rethrown (abortOnError false) and its buffered logs dropped (autoFlushLogs false),
  // so main.ts reports it as one line; a good start sends the buffered logs on to pino.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env),
    { bufferLogs: true, bodyParser: false, abortOnError: false, autoFlushLogs: false });
  app.useLogger(new ServiceLogger(app.get(Logger)));
  app.flushLogs();
  app.useBodyParser('json', { limit: env.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.use(limitBodyDepth());
  app.use(acceptStreamKeyInQuery(env.READS_REQUIRE_KEY));
  app.use(acceptTokenInQuery());
  app.use(helmet({ contentSecurityPolicy: false }));
  const cors = corsOptions(env.CORS_ORIGINS);
  if (cors) app.enableCors(cors);
  answerClientErrors(app.getHttpServer());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  serveWebPage(app);
  app.enableShutdownHooks();

  setupOpenApi(app);
  return app;
}
