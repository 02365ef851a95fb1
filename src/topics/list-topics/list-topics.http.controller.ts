import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT } from '../../common/name-list.request.js';
import { Names } from '../../names/names.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';
import { TopicPage, type TopicView } from '../topic.view.js';
import { TOPICS, underTopic } from '../topics.query.js';
import { ListTopicsQuery } from './list-topics.request.dto.js';

@ApiTags('topics')
@Controller('v1/topics')
export class ListTopicsController {
  constructor(private readonly names: Names) {}

  @Get()
  @ApiOperation({ summary: 'List topics, or one topic and its subtopics; find them by name (q)' })
  @ApiOkResponse({
    type: TopicPage,
    description: 'The topic `under` and all its subtopics (all topics without it), by id; with `q`, those whose id, title or proposition is like it, best first, each with `match`',
  })
  @ApiBadRequestResponse({ description: '`q`, `under`, `limit` or `cursor` is malformed' })
  @ApiNotFoundResponse({ description: 'No topic has the id given as `under`: problem type unknown-reference, with suggestions', content: UNKNOWN_NAME_RESPONSE })
  list(@Query() query: ListTopicsQuery): Promise<TopicPage> {
    return this.names.page<TopicView>(TOPICS, {
      q: query.q, cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT,
      scope: { under: query.under }, asked: [{ field: 'under', records: TOPICS, values: query.under === undefined ? undefined : [query.under] }],
      within: query.under === undefined ? undefined : underTopic(query.under),
    });
  }
}
