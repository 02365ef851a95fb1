import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPreconditionFailedResponse, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { StatementIdPipe } from '../statement-id.pipe.js';
import { etagOf, statementView, StatementView } from '../statement.view.js';
import { CorrectStatementCommand } from './correct-statement.command.js';
import { CorrectStatementRequest } from './correct-statement.request.dto.js';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('v1/statements')
export class CorrectStatementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/corrections')
  @ApiOperation({ summary: 'Correct a statement (a new version; the earlier one stays readable with knownAt)' })
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version the correction was made against ("3"); a stale one is 412' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: StatementView, description: 'The corrected statement, its version incremented (also the ETag)' })
  @ApiBadRequestResponse({ description: 'Invalid input, or changes that set no field' })
  @ApiNotFoundResponse({ description: 'No statement has this id' })
  @ApiConflictResponse({ description: 'The statement was retracted' })
  @ApiPreconditionFailedResponse({ description: 'If-Match names a version that is no longer current' })
  @ApiUnprocessableEntityResponse({ description: 'A changed reference does not exist (changes.actorId, ...), every change equals the current value (nothing-to-correct), or the Idempotency-Key was used for another body' })
  async correct(
    @Param('id', StatementIdPipe) id: string, @Body() body: CorrectStatementRequest,
    @WriteContext() context: CommandOptions, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StatementView> {
    const state = await this.commands.execute(new CorrectStatementCommand(id, body, context));
    res.header('ETag', etagOf(state.version));
    return statementView(state);
  }
}
