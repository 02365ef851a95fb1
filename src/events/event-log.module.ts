import { Module } from '@nestjs/common';
import { EventFanOut } from './event-stream/event-fan-out.js';
import { EventStreamController } from './event-stream/event-stream.http.controller.js';
import { EventStreamSettings } from './event-stream/event-stream.settings.js';
import { ListEventsController } from './list-events/list-events.http.controller.js';

/** The event log for consumers: pages of it (GET /v1/events) and a live stream of it (server-sent events). */
@Module({
  controllers: [ListEventsController, EventStreamController],
  providers: [EventFanOut, EventStreamSettings],
  exports: [EventFanOut, EventStreamSettings],
})
export class EventLogModule {}
