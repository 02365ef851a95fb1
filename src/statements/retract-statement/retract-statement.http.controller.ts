import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { StatementIdPipe } from '../statement-id.pipe.js';
import { etagOf } from '../statement.view.js';
import { RetractStatementCommand } from './retract-statement.command.js';
import { RetractStatementRequest, RetractionView } from './retract-statement.request.dto.js';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('v1/statements')
export class RetractStatementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/retraction')
  @ApiOperation({ summary: 'Retract a statement' })
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version the retraction was decided on; a stale one is 412' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry answers the first 200, even though the statement is retracted by then' })
  @ApiOkResponse({ type: RetractionView })
  @ApiBadRequestResponse({ description: 'Invalid input' })
  @ApiNotFoundResponse({ description: 'No statement has this id' })
  @ApiConflictResponse({ description: 'The statement is already retracted' })
  async retract(
    @Param('id', StatementIdPipe) id: string, @Body() body: RetractStatementRequest,
    @WriteContext() context: CommandOptions, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RetractionView> {
    const state = await this.commands.execute(new RetractStatementCommand(id, body, context));
    res.header('ETag', etagOf(state.version));
    return { id: state.id, retracted: true, reason: state.retractionReason ?? '', version: state.version, recordedAt: state.recordedAt.toISOString() };
  }
}
