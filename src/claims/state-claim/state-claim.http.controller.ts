import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequiresRole } from '../../auth/roles.decorator.js';
import { WriteContext } from '../../common/write-context.js';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import { ClaimView } from '../claim.view.js';
import { StateClaimCommand } from './state-claim.command.js';
import { StateClaimRequest } from './state-claim.request.dto.js';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claims')
export class StateClaimController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequiresRole('editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Record a figure an actor stated (a claim)' })
  @ApiCreatedResponse({ type: ClaimView, description: 'The claim, with its value as stated and its bounds (low, high)' })
  @ApiBadRequestResponse({ description: 'Invalid input; the problem names the fields' })
  @ApiConflictResponse({ description: 'A claim with this id exists' })
  @ApiUnprocessableEntityResponse({ description: 'The actor or source does not exist, or the Idempotency-Key was used for another body' })
  state(@Body() body: StateClaimRequest, @WriteContext() context: CommandOptions): Promise<ClaimView> {
    return this.commands.execute(new StateClaimCommand(body, context));
  }
}
