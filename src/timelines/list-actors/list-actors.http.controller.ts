import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ACTORS, type ActorView } from '../../actors/actors.query.js';
import { DEFAULT_LIMIT, NameListRequest } from '../../common/name-list.request.js';
import type { Found } from '../../names/named-records.js';
import { Names } from '../../names/names.js';

/** The actors a timeline can be asked about: what the timeline page offers to choose from, and finding one by name. */
@ApiTags('actors')
@Controller('v1/actors')
export class ListActorsController {
  constructor(private readonly names: Names) {}

  @Get()
  @ApiOkResponse({
    description: '{items: [actor], nextCursor}: every registered actor by id; with `q`, the actors whose id, name or an alias is like it, best first, each with `match`',
    schema: { example: { items: [{ id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', kind: 'person', aliases: ['Zelenskyy'], roles: [], recordedAt: '2025-02-05T10:00:00.000Z', match: 0.8 }], nextCursor: null } },
  })
  @ApiBadRequestResponse({ description: '`q`, `limit` or `cursor` is malformed (an empty `q` included)' })
  list(@Query() query: NameListRequest): Promise<{ items: Found<ActorView>[]; nextCursor: string | null }> {
    return this.names.page<ActorView>(ACTORS, { q: query.q, cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT });
  }
}
