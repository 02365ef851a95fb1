import { Global, Module } from '@nestjs/common';
import { EventLogReader } from './event-log-reader.js';
import { CommandHandler } from './command-handler.js';
import { EventStore } from './event-store.js';
import { EventLogTransfer } from './log-transfer.js';
import { ProjectionRegistry } from './projections/projection-registry.js';
import { ProjectionRunner } from './projections/projection-runner.js';

@Global()
@Module({
  providers: [EventStore, EventLogReader, EventLogTransfer, ProjectionRegistry, ProjectionRunner, CommandHandler],
  exports: [EventStore, EventLogReader, EventLogTransfer, ProjectionRegistry, ProjectionRunner, CommandHandler],
})
export class EventStoreModule {}
