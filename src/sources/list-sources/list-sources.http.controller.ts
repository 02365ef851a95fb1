import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT, NameListRequest } from '../../common/name-list.request.js';
import type { Found } from '../../names/named-records.js';
import { Names } from '../../names/names.js';
import type { SourceView } from '../source.view.js';
import { SOURCES } from '../sources.query.js';

@ApiTags('sources')
@Controller('v1/sources')
export class ListSourcesController {
  constructor(private readonly names: Names) {}

  @Get()
  @ApiOkResponse({
    description: '{items: [source], nextCursor}: every source by id; with `q`, those whose id, title or publisher is like it, best first, each with `match`',
    schema: { example: { items: [{ id: 'piers-morgan-zelensky-2025-02-04', kind: 'interview', title: 'Piers Morgan Uncensored: Zelensky', publisher: 'Piers Morgan Uncensored', url: null, publishedAt: '2025-02-04', recordedAt: '2025-02-05T10:00:00.000Z', match: 0.75 }], nextCursor: null } },
  })
  @ApiBadRequestResponse({ description: '`q`, `limit` or `cursor` is malformed (an empty `q` included)' })
  list(@Query() query: NameListRequest): Promise<{ items: Found<SourceView>[]; nextCursor: string | null }> {
    return this.names.page<SourceView>(SOURCES, { q: query.q, cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT });
  }
}
