import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Logger, Params } from 'nestjs-pino';
import pretty from 'pino-pretty';
import type { Principal } from '../auth/api-keys.js';
import type { Environment } from './environment.js';

type LoggedRequest = IncomingMessage & { originalUrl?: string; principal?: Principal };

/**
 * The service's pino configuration: JSON lines for machines, or pino-pretty's readable lines on a
 * terminal. A request is logged once, when it ends, with only what an operator reads: method, path (the
 * query is left out: `?key=` may carry a secret), status, duration and the name of the key that made it.
 */
export function loggerParams(env: Environment): Params {
  const options: NonNullable<Exclude<Params['pinoHttp'], unknown[]>> = {
    level: env.LOG_LEVEL,
    // pino-http makes a child logger bound to `req` for every request, whether or not it logs: its own
    // serializer copied every header and redacted the secrets out of them, 5 % of the service's CPU under
    // read load. A `req` in a log line is the method and path, so no header can reach a log.
    wrapSerializers: false,
    serializers: { req: (req: IncomingMessage) => ({ method: req.method, path: pathOf(req) }) },
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req, res, ms) => requestMessage(req, res, ms),
    customErrorMessage: (req, res) => requestMessage(req, res),
    customSuccessObject: (req, res, logged: { responseTime: number }) => requestFields(req, res, logged.responseTime),
    customErrorObject: (req, res, err, logged: { responseTime: number }) => ({ ...requestFields(req, res, logged.responseTime), err }),
  };
  if (env.LOG_FORMAT === 'json') return { pinoHttp: options };
  const stream = pretty({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    singleLine: true,
    ignore: 'pid,hostname,context,reqId,method,path,status,durationMs,key',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
  return { pinoHttp: [options, stream] };
}

function requestFields(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const { principal } = req as LoggedRequest;
  return { method: req.method, path: pathOf(req), status: res.statusCode, durationMs, ...(principal ? { key: principal.keyId } : {}) };
}

function requestMessage(req: IncomingMessage, res: ServerResponse, durationMs?: number): string {
  const { principal } = req as LoggedRequest;
  return `${req.method} ${pathOf(req)} ${res.statusCode}${durationMs === undefined ? '' : ` ${durationMs} ms`}${principal ? ` ${principal.keyId}` : ''}`;
}

function pathOf(req: IncomingMessage): string {
  return ((req as LoggedRequest).originalUrl ?? req.url ?? '').split('?')[0]!;
}

// Nest's own start-up chatter (modules initialised, every route mapped): useful when debugging, noise otherwise.
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Nest's logger interface over nestjs-pino, with the framework's start-up lines moved down to debug. */
export class ServiceLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    if (START_UP_CONTEXTS.has(rest.at(-1) as string)) this.pino.debug(message, ...rest);
    else this.pino.log(message, ...rest);
  }

  error(message: unknown, ...rest: unknown[]): void { this.pino.error(message, ...rest); }
  warn(message: unknown, ...rest: unknown[]): void { this.pino.warn(message, ...rest); }
  debug(message: unknown, ...rest: unknown[]): void { this.pino.debug(message, ...rest); }
  verbose(message: unknown, ...rest: unknown[]): void { this.pino.verbose(message, ...rest); }
  fatal(message: unknown, ...rest: unknown[]): void { this.pino.fatal(message, ...rest); }
}
