import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { SourceView } from '../source.view.js';
import { RegisterSourceCommand } from './register-source.command.js';
import { RegisterSourceRequest } from './register-source.request.dto.js';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('v1/sources')
export class RegisterSourceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a source (an interview, a speech, a decree...)' })
  @HttpCode(201)
  @RequiresRole('editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SourceView, description: 'The source' })
  @ApiBadRequestResponse({ description: 'Invalid input; the offending fields are named' })
  @ApiConflictResponse({ description: 'A source with this id exists' })
  register(@Body() body: RegisterSourceRequest, @WriteContext() context: CommandOptions): Promise<SourceView> {
    return this.commands.execute(new RegisterSourceCommand(body, context));
  }
}
