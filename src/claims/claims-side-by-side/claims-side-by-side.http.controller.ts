import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMIT, ClaimsSideBySideRequest } from './claims-side-by-side.request.dto.js';
import { ClaimsSideBySideQuery, type MeasureGroup } from './claims-side-by-side.query.js';
import { parseTimestamp } from '../../common/dates/known-at.js';
import { decodeMeasureCursor, encodeMeasureCursor } from './measure-cursor.js';

@ApiTags('claims')
@Controller('v1/claims')
export class ClaimsSideBySideController {
  constructor(private readonly query: ClaimsSideBySideQuery) {}

  @Get()
  @ApiOkResponse({ description: '{items: [{measure, claims: [...]}], nextCursor}: groups in measure order, claims by statedAt then actor' })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid; the problem names it' })
  async list(@Query() request: ClaimsSideBySideRequest): Promise<{ items: MeasureGroup[]; nextCursor: string | null }> {
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
