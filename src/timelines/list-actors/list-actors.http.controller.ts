import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import { ACTOR_COLUMNS, ActorPage, type ActorView } from '../../actors/actor.view.js';
import { InvalidInputError } from '../../common/domain-error.js';
import { decodeActorCursor, encodeActorCursor } from './actor-cursor.js';
import { DEFAULT_LIMIT, ListActorsRequest } from './list-actors.request.dto.js';

/** The actors a timeline can be asked about: what the timeline page offers to choose from. */
@ApiTags('actors')
@Controller('v1/actors')
export class ListActorsController {
  constructor(private readonly reads: ReadRouter) {}

  @Get()
  @ApiOperation({ summary: 'List the actors, by id' })
  @ApiOkResponse({ type: ActorPage, description: 'Every registered actor, by id, a page at a time' })
  @ApiBadRequestResponse({ description: '`limit` or `cursor` is malformed' })
  async list(@Query() query: ListActorsRequest): Promise<ActorPage> {
    const after = query.cursor === undefined ? null : decodeActorCursor(query.cursor);
    if (after === undefined) throw new InvalidInputError('cursor', 'cursor must be a nextCursor this service returned');
    const limit = query.limit ?? DEFAULT_LIMIT;
    // Byte order ("C"), so the order and the cursor comparison do not depend on the server's locale.
    const rows: ActorView[] = await this.reads.query(
      `SELECT ${ACTOR_COLUMNS} FROM actors
        WHERE ($1::text IS NULL OR id COLLATE "C" > $1) ORDER BY id COLLATE "C" LIMIT $2`,
      [after, limit + 1]);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeActorCursor(items[items.length - 1].id) : null };
  }
}
