import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorPage, type ActorView } from '../actor.view.js';
import { ACTORS } from '../actors.query.js';
import { DEFAULT_LIMIT, NameListRequest } from '../../common/name-list.request.js';
import { Names } from '../../names/names.js';

/** The actors a timeline can be asked about: what the timeline page offers to choose from, and finding one by name. */
@ApiTags('actors')
@Controller('v1/actors')
export class ListActorsController {
  constructor(private readonly names: Names) {}

  @Get()
  @ApiOperation({ summary: 'List the actors by id, or find them by name (q)' })
  @ApiOkResponse({
    type: ActorPage,
    description: 'Every registered actor by id, a page at a time; with `q`, the actors whose id, name or an alias is like it, best first, each with `match`',
  })
  @ApiBadRequestResponse({ description: '`q`, `limit` or `cursor` is malformed (an empty `q` included)' })
  list(@Query() query: NameListRequest): Promise<ActorPage> {
    return this.names.page<ActorView>(ACTORS, { q: query.q, cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT });
  }
}
