import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

type SecurityHook = Parameters<FastifyAdapter['registerSecurityHook']>[0];

/**
 * Nest's Fastify adapter, with the requests Fastify's router refuses before any hook runs (a path whose
 * percent-encoding is not UTF-8) answered like every other refusal: through the exception filters
 * (problem+json), with the security headers. Fastify's own answer is bare JSON.
 */
export class ServiceHttpAdapter extends FastifyAdapter {
  private securityHeaders?: SecurityHook;

  constructor(options: Omit<FastifyServerOptions, 'frameworkErrors'>) {
    const self: { adapter?: ServiceHttpAdapter } = {};
    super({ ...options, frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => self.adapter!.refuse(error, request, reply) });
    self.adapter = this;
  }

  override registerSecurityHook(hook: SecurityHook): void {
    this.securityHeaders = hook;
    super.registerSecurityHook(hook);
  }

  private refuse(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    try {
      this.securityHeaders?.(request as never, reply.raw as never);
    } catch {
      // The request is refused either way.
    }
    const status = error.statusCode ?? 400;
    const refusal = new HttpException({ message: error.message, error: STATUS_CODES[status] }, status, { cause: error });
    request.server.errorHandler(refusal, request, reply);
  }
}
