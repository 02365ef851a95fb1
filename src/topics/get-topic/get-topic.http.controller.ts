import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { NameParamPipe } from '../../common/name-param.pipe.js';
import { Names } from '../../names/names.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';
import { TopicView } from '../topic.view.js';
import { TOPICS } from '../topics.query.js';

@ApiTags('topics')
@Controller('v1/topics')
export class GetTopicController {
  constructor(private readonly names: Names) {}

  // The id holds slashes, so the route is an Express 5 wildcard; Express hands it over as its segments.
  @Get('*id')
  @ApiOperation({ summary: 'Read a topic' })
  @ApiParam({ name: 'id', type: String, description: 'The topic path, slashes unescaped: /v1/topics/ukraine-war/negotiations' })
  @ApiOkResponse({ type: TopicView, description: 'The topic' })
  @ApiBadRequestResponse({ description: 'The id is over 200 characters or holds control characters' })
  @ApiNotFoundResponse({ description: 'No topic has this id: problem type unknown-reference, with suggestions', content: UNKNOWN_NAME_RESPONSE })
  // Typed as the segments arrive (not `string`), so the global validation pipe does not join them with commas first.
  get(@Param('id', NameParamPipe) id: string | string[]): Promise<TopicView> {
    return this.names.get<TopicView>(TOPICS, id as string);
  }
}
