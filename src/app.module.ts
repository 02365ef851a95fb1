import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { ActorsModule } from './actors/actors.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { CommonModule } from './common/common.module.js';
import { ConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { loggerParams } from './config/logging.js';
import { DatabaseModule, readRouting } from './database/database.module.js';
import type { Role } from './database/embedded/lease.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { EventLogModule } from './events/event-log.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportModule } from './import/import.module.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { SecurityModule } from './security/security.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { StanceChangesModule } from './stance-changes/stance-changes.module.js';
import { StancesModule } from './stances/stances.module.js';
import { StatementsModule } from './statements/statements.module.js';
import { StatementsReadModule } from './statements/read-model/statements-read.module.js';
import { TimelinesModule } from './timelines/timelines.module.js';
import { TopicsModule } from './topics/topics.module.js';

@Module({})
export class AppModule {
  /** `role`: the service, or a command-line tool (which shares the service's embedded database). */
  static forRoot(env: Environment, role: Role = 'service'): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule.forRoot(loggerParams(env)),
        CqrsModule.forRoot(),
        DatabaseModule.forRoot(role, readRouting(env) !== undefined),
        EventStoreModule,
        CommonModule,
        AuthModule,
        SecurityModule.forRoot(env),
        HealthModule,
        ActorsModule,
        ClaimsModule,
        TopicsModule,
        SourcesModule,
        StatementsModule,
        StatementsReadModule,
        StancesModule,
        StanceChangesModule,
        ProjectionsModule,
        ImportModule,
        EventLogModule,
        TimelinesModule,
      ],
    };
  }
}
