import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import { NotFoundError } from '../../common/domain-error.js';
import { IdParamPipe } from '../../common/id-param.pipe.js';
import { ACTOR_COLUMNS, ActorView } from '../actor.view.js';

@ApiTags('actors')
@Controller('v1/actors')
export class GetActorController {
  constructor(private readonly reads: ReadRouter) {}

  @Get(':id')
  @ApiOperation({ summary: 'Read an actor' })
  @ApiOkResponse({ type: ActorView, description: 'The actor' })
  @ApiNotFoundResponse({ description: 'No actor has this id' })
  async get(@Param('id', new IdParamPipe('actor')) id: string): Promise<ActorView> {
    const [actor] = await this.reads.query(`SELECT ${ACTOR_COLUMNS} FROM actors WHERE id = $1`, [id]);
    if (!actor) throw new NotFoundError(`No actor ${id}`);
    return actor;
  }
}
