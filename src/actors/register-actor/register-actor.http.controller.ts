import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { ActorView } from '../actor.view.js';
import { RegisterActorCommand } from './register-actor.command.js';
import { RegisterActorRequest } from './register-actor.request.dto.js';

@ApiTags('actors')
@ApiBearerAuth()
@Controller('v1/actors')
export class RegisterActorController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequiresRole('editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Register an actor (a person, organisation or state)' })
  @ApiCreatedResponse({ type: ActorView, description: 'The actor' })
  @ApiBadRequestResponse({ description: 'Invalid input; the offending fields are named' })
  @ApiConflictResponse({ description: 'An actor with this id exists' })
  async register(@Body() body: RegisterActorRequest, @WriteContext() context: CommandOptions): Promise<ActorView> {
    const { actor, recordedAt } = await this.commands.execute(new RegisterActorCommand(body, context));
    return { ...actor, recordedAt };
  }
}
