import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../common/domain-error.js';
import { EventLogReader } from '../../event-store/event-log-reader.js';
import { POSITION, resumeAfter } from '../resume-position.js';
import { EventFanOut } from './event-fan-out.js';
import { StreamEventsRequest } from './stream-events.request.dto.js';

@ApiTags('events')
@Controller('v1/events/stream')
export class EventStreamController {
  constructor(private readonly fanOut: EventFanOut, private readonly reader: EventLogReader) {}

  @Get()
  @ApiOperation({ summary: 'Follow the event log live (server-sent events)' })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the id of the last event received: the stream resumes right after it' })
  @ApiQuery({ name: 'key', required: false, type: String, description: 'with READS_REQUIRE_KEY=true, an API key for clients that cannot send headers (EventSource); '
    + 'taken out of the URL before it is logged' })
  @ApiOkResponse({
    description: 'Server-sent events, live: one per log event, in the same order as GET /v1/events, with `id:` its position, `event:` '
      + 'its type and `data:` the event as GET /v1/events gives it. The stream opens with a bookmark (an `id:` and a `retry:` without '
      + 'data) and sends a comment line as a heartbeat every 15 s. Reconnecting with Last-Event-ID neither loses nor repeats events.',
    content: { 'text/event-stream': { schema: { type: 'string', example: 'id: 42\nevent: StatementRecorded\ndata: {"position":42,...}\n\n' } } },
  })
  @ApiBadRequestResponse({ description: 'Last-Event-ID or `after` is not 0, `now`, nor the position of an event in the log' })
  async stream(
    @Query() request: StreamEventsRequest, @Headers('last-event-id') lastEventId: string | undefined, @Res() reply: FastifyReply,
  ): Promise<void> {
    const start = lastEventId !== undefined ? this.lastEventId(lastEventId) : request.after ?? '0';
    const from = start === 'now' ? 'now' : await resumeAfter(this.reader, Number(start), lastEventId !== undefined ? 'Last-Event-ID' : 'after');
    // The stream writes to the Node response itself, for as long as it lasts: Fastify sends nothing.
    reply.hijack();
    await this.fanOut.open(reply.raw, from);
  }

  private lastEventId(value: string): string {
    const trimmed = value.trim();
    if (!POSITION.test(trimmed)) throw new InvalidInputError('Last-Event-ID', 'Last-Event-ID must be the id of an event this stream sent (digits)');
    return trimmed;
  }
}
