import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT } from '../../common/name-list.request.js';
import type { Found } from '../../names/named-records.js';
import { Names } from '../../names/names.js';
import type { TopicView } from '../topic.view.js';
import { TOPICS, underTopic } from '../topics.query.js';
import { ListTopicsQuery } from './list-topics.request.dto.js';

@ApiTags('topics')
@Controller('v1/topics')
export class ListTopicsController {
  constructor(private readonly names: Names) {}

  @Get()
  @ApiOkResponse({
    description: '{items: [topic], nextCursor}: the topic `under` and all its subtopics (all topics without it), by id; with `q`, those whose id, title or proposition is like it, best first, each with `match`',
    schema: { example: { items: [{ id: 'ukraine-war/negotiations', parentId: 'ukraine-war', title: 'Negotiations', proposition: 'Ukraine should negotiate', recordedAt: '2025-02-05T10:00:00.000Z', match: 1 }], nextCursor: null } },
  })
  @ApiBadRequestResponse({ description: '`q`, `under`, `limit` or `cursor` is malformed' })
  @ApiNotFoundResponse({ description: 'No topic has the id given as `under`: problem type unknown-reference, with suggestions' })
  async list(@Query() query: ListTopicsQuery): Promise<{ items: Found<TopicView>[]; nextCursor: string | null }> {
    return this.names.page<TopicView>(TOPICS, {
      q: query.q, cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT,
      scope: { under: query.under }, asked: [{ field: 'under', records: TOPICS, values: query.under === undefined ? undefined : [query.under] }],
      within: query.under === undefined ? undefined : underTopic(query.under),
    });
  }
}
