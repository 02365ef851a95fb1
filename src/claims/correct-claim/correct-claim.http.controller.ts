import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiPreconditionFailedResponse, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { ClaimView } from '../claim.view.js';
import { CorrectClaimCommand } from './correct-claim.command.js';
import { CorrectClaimRequest } from './correct-claim.request.dto.js';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claims')
export class CorrectClaimController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/corrections')
  @HttpCode(200)
  @RequiresRole('editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version last seen; a stale one is 412' })
  @ApiOperation({ summary: 'Correct a claim (a new version; the earlier one stays readable with knownAt)' })
  @ApiOkResponse({ type: ClaimView, description: 'The corrected claim, with its new version' })
  @ApiBadRequestResponse({ description: 'Invalid input' })
  @ApiNotFoundResponse({ description: 'No claim has this id' })
  @ApiConflictResponse({ description: 'The claim was retracted' })
  @ApiPreconditionFailedResponse({ description: 'If-Match is not the current version' })
  @ApiUnprocessableEntityResponse({ description: 'A changed actor or source does not exist, or the changes change nothing' })
  correct(@Param('id') id: string, @Body() body: CorrectClaimRequest, @WriteContext() context: CommandOptions): Promise<ClaimView> {
    return this.commands.execute(new CorrectClaimCommand(id, body, context));
  }
}
