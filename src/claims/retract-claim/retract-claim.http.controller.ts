import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiPreconditionFailedResponse, ApiTags,
} from '@nestjs/swagger';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { ClaimReasonRequest } from '../claim-reason.dto.js';
import { ClaimRetraction } from '../claim.view.js';
import { RetractClaimCommand } from './retract-claim.command.js';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claims')
export class RetractClaimController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/retraction')
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version last seen; a stale one is 412' })
  @ApiOperation({ summary: 'Retract a claim' })
  @ApiOkResponse({ type: ClaimRetraction, description: 'The claim is retracted: it leaves the reads, its history stays in the log' })
  @ApiBadRequestResponse({ description: 'Invalid input' })
  @ApiNotFoundResponse({ description: 'No claim has this id' })
  @ApiConflictResponse({ description: 'The claim was retracted already' })
  @ApiPreconditionFailedResponse({ description: 'If-Match is not the current version' })
  retract(@Param('id') id: string, @Body() body: ClaimReasonRequest, @WriteContext() context: CommandOptions): Promise<ClaimRetraction> {
    return this.commands.execute(new RetractClaimCommand(id, body, context));
  }
}
