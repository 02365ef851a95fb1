import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { etagOf, statementView, StatementView } from '../statement.view.js';
import { RecordStatementCommand } from './record-statement.command.js';
import { RecordStatementRequest } from './record-statement.request.dto.js';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('v1/statements')
export class RecordStatementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a stated position (a statement)' })
  @HttpCode(201)
  @RequiresRole('editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StatementView, description: 'The statement as recorded, with its version (also the ETag)' })
  @ApiBadRequestResponse({ description: 'Invalid input; `errors` names each field' })
  @ApiConflictResponse({ description: 'A statement with this id exists' })
  @ApiUnprocessableEntityResponse({ description: 'The actor, topic or source does not exist (named in `errors`), or the Idempotency-Key was used for another body' })
  async record(
    @Body() body: RecordStatementRequest, @WriteContext() context: CommandOptions, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StatementView> {
    const state = await this.commands.execute(new RecordStatementCommand(body, context));
    res.header('ETag', etagOf(state.version));
    return statementView(state);
  }
}
