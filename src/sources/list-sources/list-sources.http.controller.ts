import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT, NameListRequest } from '../../common/name-list.request.js';
import { Names } from '../../names/names.js';
import { SourcePage, type SourceView } from '../source.view.js';
import { SOURCES } from '../sources.query.js';

@ApiTags('sources')
@Controller('v1/sources')
export class ListSourcesController {
  constructor(private readonly names: Names) {}

  @Get()
  @ApiOperation({ summary: 'List the sources by id, or find them by name (q)' })
  @ApiOkResponse({ type: SourcePage, description: 'Every source by id; with `q`, those whose id, title or publisher is like it, best first, each with `match`' })
  @ApiBadRequestResponse({ description: '`q`, `limit` or `cursor` is malformed (an empty `q` included)' })
  list(@Query() query: NameListRequest): Promise<SourcePage> {
    return this.names.page<SourceView>(SOURCES, { q: query.q, cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT });
  }
}
