import { Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../../event-store/inline-projections/projection-registry.js';
import { GetStatementController } from './get-statement/get-statement.http.controller.js';
import { StatementLookup } from './get-statement/statement-lookup.query.js';
import { ListStatementsController } from './list-statements/list-statements.http.controller.js';
import { StatementTimeline } from './list-statements/statement-timeline.query.js';
import { StatementVersionsProjection } from './statement-versions.projection.js';

/** The statements read model (every version, both time axes) and the reads of it: timeline, one statement, history. */
@Module({
  controllers: [ListStatementsController, GetStatementController],
  providers: [StatementVersionsProjection, StatementTimeline, StatementLookup],
  exports: [StatementLookup],
})
export class StatementsReadModule implements OnModuleInit {
  constructor(private readonly registry: ProjectionRegistry, private readonly projection: StatementVersionsProjection) {}

  onModuleInit(): void {
    this.registry.register(this.projection);
  }
}
