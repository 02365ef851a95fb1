import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseTimestamp } from '../../common/dates/known-at.js';
import { parsePartialDate } from '../../common/dates/partial-date.js';
import { GetStanceRequest } from './get-stance.request.dto.js';
import { StanceOnDate } from './stance-on-date.query.js';
import { StanceOnDateView } from './stance-on-date.view.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';

@ApiTags('stances')
@Controller('v1/stance')
export class GetStanceController {
  constructor(private readonly stance: StanceOnDate) {}

  @Get()
  @ApiOperation({ summary: "What an actor's stance on a topic was on a date" })
  @ApiOkResponse({ type: StanceOnDateView, description: 'What the actor said about the topic (and its subtopics) on the date, what stood by then, and what may have' })
  @ApiBadRequestResponse({ description: 'A query parameter is missing or invalid; the problem names it' })
  @ApiNotFoundResponse({ description: 'The actor or topic names nothing recorded: problem type unknown-reference, with suggestions', content: UNKNOWN_NAME_RESPONSE })
  async get(@Query() request: GetStanceRequest): Promise<StanceOnDateView> {
    const knownAt = request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt);
    return this.stance.answer(request.actor, request.topic, parsePartialDate(request.on)!, knownAt);
  }
}
