import { Module } from '@nestjs/common';
import { StanceChangesController } from './report/stance-changes.http.controller.js';
import { StanceChangesReport } from './report/stance-changes.report.js';
import { StanceChangesQuery } from './stance-changes.query.js';

/**
 * Stance changes: a live projection over the statements read model (no table, nothing registered with
 * the projection runner, nothing to rebuild) and the report built on it.
 */
@Module({
  controllers: [StanceChangesController],
  providers: [StanceChangesQuery, StanceChangesReport],
  exports: [StanceChangesReport],
})
export class StanceChangesModule {}
