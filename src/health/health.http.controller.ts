import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout.js';
import { ping } from '../database/data-source.js';
import { ReadRouter } from '../database/read-routing/read-router.js';
import type { ReplicaState } from '../database/read-routing/replica.js';

const PING_TIMEOUT_MS = 2_000;

class ReplicaHealthView {
  @ApiProperty({ example: 'replica-1:5432/stanceline', description: 'host:port/database, never the password' }) name: string;
  @ApiProperty({ description: 'answered its last check' }) up: boolean;
  @ApiProperty({ type: 'number', nullable: true, description: 'ms of WAL the primary had and it had not replayed; null while down or further behind than remembered' })
  lagMs: number | null;
  @ApiProperty({ description: 'reads are sent to it' }) inRotation: boolean;
  @ApiPropertyOptional({ description: 'why it is down' }) error?: string;
}

class HealthView {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'], description: 'the primary (DATABASE_URL)' }) database: 'up' | 'down';
  @ApiPropertyOptional({ type: [ReplicaHealthView], description: 'with DATABASE_READ_URL: each read replica; none of them makes the service unhealthy' })
  replicas?: ReplicaHealthView[];
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly reads: ReadRouter,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether the service and its database answer' })
  @ApiOkResponse({ type: HealthView, description: 'The service and its primary database answer: {status: ok, database: up}; '
    + 'a read replica that is down or behind does not change that (reads go elsewhere)' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'The primary database does not answer: {status: error, database: down}' })
  async check(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthView> {
    const replicas = this.reads.replicaStates?.map(replicaView);
    try {
      await this.health.check([() => this.pingDatabase()]);
      return { status: 'ok', database: 'up', ...(replicas && { replicas }) };
    } catch {
      response.code(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: 'down', ...(replicas && { replicas }) };
    }
  }

  private async pingDatabase() {
    const indicator = this.indicators.check('database');
    try {
      await withTimeout(ping(this.dataSource), PING_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

function replicaView(state: ReplicaState): ReplicaHealthView {
  return { name: state.name, up: state.up, lagMs: state.lagMs ?? null, inRotation: state.inRotation, ...(state.error && { error: state.error }) };
}
