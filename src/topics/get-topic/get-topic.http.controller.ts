import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import { InvalidInputError, NotFoundError } from '../../common/domain-error.js';
import { isTopicPath, TOPIC_PATH_MESSAGE } from '../topic-path.js';
import { TOPIC_COLUMNS, TopicView } from '../topic.view.js';

@ApiTags('topics')
@Controller('v1/topics')
export class GetTopicController {
  constructor(private readonly reads: ReadRouter) {}

  // The id holds slashes, so the route is an Express 5 wildcard; Express hands it over as its segments.
  @Get('*id')
  @ApiOperation({ summary: 'Read a topic' })
  @ApiParam({ name: 'id', type: String, description: 'The topic path, slashes unescaped: /v1/topics/ukraine-war/negotiations' })
  @ApiOkResponse({ type: TopicView, description: 'The topic' })
  @ApiBadRequestResponse({ description: 'The id is not a topic path' })
  @ApiNotFoundResponse({ description: 'No topic has this id' })
  async get(@Param('id') segments: string | string[]): Promise<TopicView> {
    const id = Array.isArray(segments) ? segments.join('/') : segments;
    // Checked before the query: a NUL byte or a lone surrogate would otherwise reach PostgreSQL as an error.
    if (!isTopicPath(id)) throw new InvalidInputError('id', `id ${TOPIC_PATH_MESSAGE}`);
    const [topic] = await this.reads.query(`SELECT ${TOPIC_COLUMNS} FROM topics WHERE id = $1`, [id]);
    if (!topic) throw new NotFoundError(`No topic ${id}`);
    return topic;
  }
}
