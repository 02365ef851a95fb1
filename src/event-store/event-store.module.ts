import { Global, Module } from '@nestjs/common';
import { EventLogReader } from './event-log-reader.js';
import { CommandHandler } from './command-handler.js';
import { EventStore } from './event-store.js';
import { ProjectionRegistry } from './projections/projection-registry.js';

@Global()
@Module({
  providers: [EventStore, EventLogReader, ProjectionRegistry, CommandHandler],
  exports: [EventStore, EventLogReader, ProjectionRegistry, CommandHandler],
})
export class EventStoreModule {}
