import { Global, Module } from '@nestjs/common';
import { EventLogReader } from './event-log-reader.js';
import { EventStore } from './event-store.js';
import { EventLogTransfer } from './log-transfer.js';
import { ProjectionRegistry } from './inline-projections/projection-registry.js';
import { StreamCommands } from './stream-commands.js';

@Global()
@Module({
  providers: [EventStore, EventLogReader, EventLogTransfer, ProjectionRegistry, StreamCommands],
  exports: [EventStore, EventLogReader, EventLogTransfer, ProjectionRegistry, StreamCommands],
})
export class EventStoreModule {}
