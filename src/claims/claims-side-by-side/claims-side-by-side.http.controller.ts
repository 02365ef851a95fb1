import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeasureGroupPage } from '../claim.view.js';
import { DEFAULT_LIMIT, ClaimsSideBySideRequest } from './claims-side-by-side.request.dto.js';
import { ClaimsSideBySideQuery } from './claims-side-by-side.query.js';
import { parseTimestamp } from '../../common/dates/known-at.js';
import { decodeMeasureCursor, encodeMeasureCursor } from './measure-cursor.js';

@ApiTags('claims')
@Controller('v1/claims')
export class ClaimsSideBySideController {
  constructor(private readonly query: ClaimsSideBySideQuery) {}

  @Get()
  @ApiOperation({ summary: "Compare actors' figures for the same measure, side by side" })
  @ApiOkResponse({ type: MeasureGroupPage, description: 'Groups in measure order, claims by statedAt then actor; ranges stay ranges' })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid; the problem names it' })
  async list(@Query() request: ClaimsSideBySideRequest): Promise<MeasureGroupPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const { groups, more } = await this.query.run({
      measure: request.measure,
      actors: request.actor,
      knownAt: request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt),
      after: request.cursor === undefined ? undefined : decodeMeasureCursor(request.cursor),
      limit,
    });
    return { items: groups, nextCursor: more ? encodeMeasureCursor(groups.at(-1)!.measure) : null };
  }
}
