import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { TopicView } from '../topic.view.js';
import { DefineTopicCommand } from './define-topic.command.js';
import { DefineTopicRequest } from './define-topic.request.dto.js';

@ApiTags('topics')
@ApiBearerAuth()
@Controller('v1/topics')
export class DefineTopicController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Define a topic (a proposition stances are taken on)' })
  @HttpCode(201)
  @RequiresRole('editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: TopicView, description: 'The topic' })
  @ApiBadRequestResponse({ description: 'Invalid input; the offending fields are named' })
  @ApiConflictResponse({ description: 'A topic with this id exists' })
  @ApiUnprocessableEntityResponse({ description: 'The parent topic (the id without its last slug) does not exist' })
  define(@Body() body: DefineTopicRequest, @WriteContext() context: CommandOptions): Promise<TopicView> {
    return this.commands.execute(new DefineTopicCommand(body, context));
  }
}
