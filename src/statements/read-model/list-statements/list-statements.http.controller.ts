import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseTimestamp } from '../../../common/dates/known-at.js';
import { InvalidInputError } from '../../../common/domain-error.js';
import { parsePartialDate } from '../../../common/dates/partial-date.js';
import { DEFAULT_LIMIT, ListStatementsRequest } from './list-statements.request.dto.js';
import { StatementPage } from './statement-page.view.js';
import { StatementTimeline } from './statement-timeline.query.js';
import { UNKNOWN_NAME_RESPONSE } from '../../../names/unknown-name.error.js';

@ApiTags('statements')
@Controller('v1/statements')
export class ListStatementsController {
  constructor(private readonly timeline: StatementTimeline) {}

  @Get()
  @ApiOperation({ summary: 'List statements in the order they were made (statedAt), by actor, topic and period; search them by words (q)' })
  @ApiOkResponse({ type: StatementPage, description: 'Statements in statedAt order, ties in recorded order; with `q`, the matching ones, best first (unless sort=statedAt), each with `highlight`' })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid (the problem names it), or the cursor was altered' })
  @ApiNotFoundResponse({ description: 'An actor, topic or reportedIn names nothing recorded: problem type unknown-reference, each unknown value with suggestions', content: UNKNOWN_NAME_RESPONSE })
  async list(@Query() request: ListStatementsRequest): Promise<StatementPage> {
    const from = request.from === undefined ? undefined : parsePartialDate(request.from);
    const to = request.to === undefined ? undefined : parsePartialDate(request.to);
    if (from && to && from.start > to.end) throw new InvalidInputError('to', 'to must not be before from');
    return this.timeline.page(
      { actors: request.actor, topic: request.topic, from, to, reportedIn: request.reportedIn, text: request.q },
      { knownAt: request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt), cursor: request.cursor, limit: request.limit ?? DEFAULT_LIMIT, order: request.sort },
    );
  }
}
