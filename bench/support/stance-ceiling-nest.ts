import 'reflect-metadata';
import { BadRequestException, Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import pg from 'pg';
import { parsePartialDate } from '../../src/common/dates/partial-date.js';
import { prepared } from '../../src/database/prepared.js';
import { NOW } from '../../src/statements/read-model/as-of.js';
import { stanceOnDateQuery } from '../../src/stances/stance-on-date/stance-on-date.query.js';

// The child of startStanceCeiling(url, 'nest') (stance-ceiling.ts): the bare server's work
// (stance-ceiling-server.ts) behind the smallest Nest application on the service's HTTP platform: one
// controller, no middleware, pipes, guards, interceptors, filters or request logging. What the framework
// the service is built on costs by itself.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, idleTimeoutMillis: 30_000, application_name: 'bench-ceiling-nest' });

@Controller('v1/stance')
class StanceCeilingController {
  @Get()
  async get(@Query('actor') actor: string, @Query('topic') topic: string, @Query('on') onText: string): Promise<unknown[]> {
    const on = parsePartialDate(onText ?? '');
    if (!on) throw new BadRequestException('on');
    const { sql, values } = stanceOnDateQuery(actor ?? '', topic ?? '', on, NOW);
    return (await pool.query(prepared(sql) as unknown as pg.QueryConfig, values)).rows;
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
