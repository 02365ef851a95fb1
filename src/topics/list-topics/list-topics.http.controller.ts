import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import { InvalidInputError, NotFoundError } from '../../common/domain-error.js';
import { TOPIC_COLUMNS, TopicPage, type TopicView } from '../topic.view.js';
import { decodeTopicCursor, encodeTopicCursor } from './topic-cursor.js';
import { DEFAULT_LIMIT, ListTopicsQuery } from './list-topics.request.dto.js';

@ApiTags('topics')
@Controller('v1/topics')
export class ListTopicsController {
  constructor(private readonly reads: ReadRouter) {}

  @Get()
  @ApiOperation({ summary: 'List topics, or one topic and its subtopics' })
  @ApiOkResponse({ type: TopicPage, description: 'The topic `under` and all its subtopics (all topics without it), by id' })
  @ApiBadRequestResponse({ description: '`under`, `limit` or `cursor` is malformed' })
  @ApiNotFoundResponse({ description: 'No topic has the id given as `under`' })
  async list(@Query() query: ListTopicsQuery): Promise<TopicPage> {
    const after = query.cursor === undefined ? null : decodeTopicCursor(query.cursor);
    if (after === undefined) throw new InvalidInputError('cursor', 'cursor must be a nextCursor this service returned');
    const under = query.under ?? null;
    if (under !== null) {
      const found = await this.reads.query(`SELECT 1 FROM topics WHERE id = $1`, [under]);
      if (found.length === 0) throw new NotFoundError(`No topic ${under}`);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    // Byte order ("C") so the order, and the cursor comparison with it, does not depend on the server's locale.
    // Slugs hold no LIKE wildcards (% or _), so the prefix is safe as it stands.
    const rows: TopicView[] = await this.reads.query(
      `SELECT ${TOPIC_COLUMNS} FROM topics
        WHERE ($1::text IS NULL OR id = $1 OR id LIKE $1 || '/%')
          AND ($2::text IS NULL OR id COLLATE "C" > $2)
        ORDER BY id COLLATE "C" LIMIT $3`,
      [under, after, limit + 1]);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeTopicCursor(items[items.length - 1].id) : null };
  }
}
