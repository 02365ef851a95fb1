import { ApiProperty } from '@nestjs/swagger';
import type { RecordedEvent } from '../event-store/recorded-event.js';

/** An event as consumers of the log see it: what happened, to which stream, and where it sits in the log. */
export class LogEventView {
  @ApiProperty({ example: 42, description: 'Where the event sits in the log; pass it back as `after` (or Last-Event-ID) to resume after it. '
    + 'Positions identify events but are not their order: the order is the one the log answers in.' })
  position: number;

  @ApiProperty({ example: 'statement-zelensky-2025-02-04-direct-talks-with-putin' }) streamId: string;
  @ApiProperty({ example: 1, description: "The event's version within its stream" }) version: number;
  @ApiProperty({ example: 'StatementRecorded' }) type: string;
  @ApiProperty({ example: 2, description: 'The shape of `data` (not the stream version): events written in an older shape are shown upcast to the current one' })
  schemaVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as recorded, in the shape of its schemaVersion' }) data: object;
  @ApiProperty({ example: '2025-02-05T10:00:00.000Z', description: 'When the log took it (system time)' }) recordedAt: string;
}

export class LogEventPage {
  @ApiProperty({ type: [LogEventView] }) items: LogEventView[];
  @ApiProperty({ example: 42, description: 'Pass as `after` for the events that follow: the last item\'s position, or the `after` sent when no newer event is committed yet' })
  next: number;
}

export function logEventView(event: RecordedEvent): LogEventView {
  return {
    position: event.position,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    recordedAt: event.recordedAt.toISOString(),
  };
}
