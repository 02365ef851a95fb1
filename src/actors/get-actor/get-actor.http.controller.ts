import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NameParamPipe } from '../../common/name-param.pipe.js';
import { Names } from '../../names/names.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';
import { ActorView } from '../actor.view.js';
import { ACTORS } from '../actors.query.js';

@ApiTags('actors')
@Controller('v1/actors')
export class GetActorController {
  constructor(private readonly names: Names) {}

  @Get(':id')
  @ApiOperation({ summary: 'Read an actor' })
  @ApiOkResponse({ type: ActorView, description: 'The actor' })
  @ApiBadRequestResponse({ description: 'The id is over 200 characters or holds control characters' })
  @ApiNotFoundResponse({ description: 'No actor has this id (an alias is not an id): problem type unknown-reference, with suggestions', content: UNKNOWN_NAME_RESPONSE })
  get(@Param('id', NameParamPipe) id: string): Promise<ActorView> {
    return this.names.get<ActorView>(ACTORS, id);
  }
}
