import { Global, Module } from '@nestjs/common';
import { EventLogReader } from './event-log-reader.js';
import { StreamCommands } from './stream-commands.js';
import { EventStore } from './event-store.js';
import { ProjectionRegistry } from './projections/projection-registry.js';

@Global()
@Module({
  providers: [EventStore, EventLogReader, ProjectionRegistry, StreamCommands],
  exports: [EventStore, EventLogReader, ProjectionRegistry, StreamCommands],
})
export class EventStoreModule {}
