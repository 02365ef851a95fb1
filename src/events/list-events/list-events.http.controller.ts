import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventLogReader } from '../../event-store/event-log-reader.js';
import { LogEventPage, logEventView } from '../log-event.view.js';
import { resumeAfter } from '../resume-position.js';
import { DEFAULT_LIMIT, ListEventsRequest } from './list-events.request.dto.js';

@ApiTags('events')
@Controller('v1/events')
export class ListEventsController {
  constructor(private readonly reader: EventLogReader) {}

  @Get()
  @ApiOperation({ summary: 'Read the event log, a page at a time' })
  @ApiOkResponse({ type: LogEventPage, description: 'The next events of the log in its safe global order: a page never skips an event '
    + 'that commits later, nor repeats one. Resume with `after=next`.' })
  @ApiBadRequestResponse({ description: '`after` is not 0 nor the position of an event in the log, or `limit` is out of range' })
  async list(@Query() request: ListEventsRequest): Promise<LogEventPage> {
    const after = Number(request.after ?? 0);
    const page = await this.reader.readAfter(await resumeAfter(this.reader, after, 'after'), request.limit ?? DEFAULT_LIMIT);
    return { items: page.events.map(logEventView), next: page.events.at(-1)?.position ?? after };
  }
}
