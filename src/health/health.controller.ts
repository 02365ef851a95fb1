import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout.js';
import { ReadRouter } from '../database/read-routing/read-router.js';
import type { ReplicaState } from '../database/read-routing/replica.js';

interface HealthReport {
  status: string;
  database: string;
  /** With read replicas: each one's state as of the last check. */
  replicas?: { name: string; up: boolean; lagMs: number | null; inRotation: boolean; error?: string }[];
}

const PING_TIMEOUT_MS = 2_000;

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
  @ApiOkResponse({
    description: 'The service and its primary database answer (a replica that is down or behind does not make it unhealthy: reads go elsewhere)',
    schema: { example: { status: 'ok', database: 'up', replicas: [{ name: 'replica-1:5432/stanceline', up: true, lagMs: 0, inRotation: true }] } },
  })
  @ApiServiceUnavailableResponse({ description: 'The primary database does not answer' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const replicas = this.reads.replicaStates?.map(replicaReport);
    try {
      await this.health.check([() => this.pingDatabase()]);
      return { status: 'ok', database: 'up', ...(replicas && { replicas }) };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: 'down', ...(replicas && { replicas }) };
    }
  }

  private async pingDatabase() {
    const indicator = this.indicators.check('database');
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), PING_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

function replicaReport(state: ReplicaState) {
  return { name: state.name, up: state.up, lagMs: state.lagMs ?? null, inRotation: state.inRotation, ...(state.error && { error: state.error }) };
}
