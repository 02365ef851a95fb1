import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { parseTimestamp } from '../../common/dates/known-at.js';
import { InvalidInputError } from '../../common/domain-error.js';
import { parsePartialDate } from '../../common/dates/partial-date.js';
import { MAX_TIMELINE_STATEMENTS, TimelineContentsQuery } from './timeline-contents.query.js';
import { TIMELINEJS_SCHEMA, VIS_TIMELINE_SCHEMA } from './timeline-formats.schema.js';
import { TimelineRequest } from './timeline.request.dto.js';
import { toTimelineJs, type TimelineJsDocument } from './timelinejs.format.js';
import { toVisTimeline, type VisTimelineData } from './vis-timeline.format.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';

@ApiTags('timeline')
@Controller('v1/timeline')
export class TimelineController {
  constructor(private readonly contents: TimelineContentsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Export a timeline for TimelineJS or vis-timeline' })
  @ApiOkResponse({
    description: 'Statements in statedAt order, for timeline libraries. `timelinejs`: TimelineJS 3 JSON `{title, events}` (start_date '
      + '{year, month?, day?}; a partial date spans its period with end_date and display_date; group; unique_id = statement id; the source '
      + 'as media where it has a link). `vis`: vis-timeline `{items, groups}` (a day is a point, a month or year a range with an exclusive '
      + "end; className stance-<stance>, plus stance-change change-<kind> on the statement that changed an actor's stance). At most "
      + `${MAX_TIMELINE_STATEMENTS} statements; with \`q\`, only the statements matching those words (as on /v1/statements), in timeline order; a capped timeline carries \`Stanceline-Capped: true\`.`,
    content: { 'application/json': { schema: { oneOf: [TIMELINEJS_SCHEMA, VIS_TIMELINE_SCHEMA] } } },
  })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid; the problem names it' })
  @ApiNotFoundResponse({ description: 'An actor or topic names nothing recorded: problem type unknown-reference, each unknown value with suggestions', content: UNKNOWN_NAME_RESPONSE })
  async timeline(@Query() request: TimelineRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<TimelineJsDocument | VisTimelineData> {
    const from = request.from === undefined ? undefined : parsePartialDate(request.from);
    const to = request.to === undefined ? undefined : parsePartialDate(request.to);
    if (from && to && from.start > to.end) throw new InvalidInputError('to', 'to must not be before from');
    const actors = request.actor ? [...new Set(request.actor)] : undefined;
    const contents = await this.contents.load({
      actors, topic: request.topic, from, to, text: request.q,
      knownAt: request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt),
      groupBy: request.groupBy ?? (actors?.length === 1 ? 'topic' : 'actor'),
    });
    if (contents.capped) res.header('Stanceline-Capped', 'true');
    return request.format === 'vis' ? toVisTimeline(contents) : toTimelineJs(contents);
  }
}
