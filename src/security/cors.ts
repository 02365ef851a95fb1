import type { NestFastifyApplication } from '@nestjs/platform-fastify';

type CorsOptions = NonNullable<Parameters<NestFastifyApplication['enableCors']>[0]>;

/**
 * CORS for browser UIs on other origins, from CORS_ORIGINS; without it no CORS header is sent and
 * browsers keep other origins out. Keys travel in the Authorization header, never in cookies, so
 * credentials stay off even with `*`.
 */
export function corsOptions(origins: string | undefined): CorsOptions | undefined {
  const list = (origins ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (list.length === 0) return undefined;
  return {
    origin: list.includes('*') ? '*' : list,
    // Lists written as one comma-separated value each, as the headers carry them (a list would be joined with ', ').
    methods: 'GET,HEAD,POST,OPTIONS',
    allowedHeaders: 'Authorization,Content-Type,Idempotency-Key,If-Match,Last-Event-ID,Stanceline-Token',
    // Stanceline-Token: a browser UI reads its own writes by sending it back (README "Running several instances").
    exposedHeaders: 'ETag,Retry-After,Location,Stanceline-Token',
    credentials: false,
    maxAge: 600,
  };
}
