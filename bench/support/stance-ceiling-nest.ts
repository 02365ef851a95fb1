import 'reflect-metadata';
import { BadRequestException, Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ceilingPool, stanceRows } from './stance-ceiling-query.js';

// The child of startStanceCeiling(url, 'nest') (stance-ceiling.ts): the bare server's work
// (stance-ceiling-server.ts) behind the smallest Nest application on the service's HTTP platform: one
// controller, no middleware, pipes, guards, interceptors, filters or request logging. What the framework
// the service is built on costs by itself.
const pool = ceilingPool('bench-ceiling-nest');

@Controller('v1/stance')
class StanceCeilingController {
  @Get()
  async get(@Query('actor') actor: string, @Query('topic') topic: string, @Query('on') on: string): Promise<unknown[]> {
    const rows = await stanceRows(pool, actor ?? '', topic ?? '', on ?? '');
    if (!rows) throw new BadRequestException('on');
    return rows;
  }
}

@Module({ controllers: [StanceCeilingController] })
class StanceCeilingModule {}

const app = await NestFactory.create(StanceCeilingModule, new FastifyAdapter(), { logger: false });
await app.listen(0, '127.0.0.1');
process.send!((app.getHttpServer().address() as { port: number }).port);
process.once('SIGTERM', () => {
  void app.close().then(() => pool.end()).then(() => process.exit(0));
});
