import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeasureGroupPage } from '../claim.view.js';
import { DEFAULT_LIMIT, ClaimsSideBySideRequest } from './claims-side-by-side.request.dto.js';
import { ClaimsSideBySideQuery } from './claims-side-by-side.query.js';
import { parseTimestamp } from '../../common/dates/known-at.js';
import { CursorSecret, queryDigest } from '../../common/cursors/signed-cursor.js';
import { Names, readNames } from '../../names/names.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';

@ApiTags('claims')
@Controller('v1/claims')
export class ClaimsSideBySideController {
  constructor(private readonly query: ClaimsSideBySideQuery, private readonly names: Names, private readonly cursorSecret: CursorSecret) {}

  @Get()
  @ApiOperation({ summary: "Compare actors' figures for the same measure, side by side; filter by words (q)" })
  @ApiOkResponse({ type: MeasureGroupPage, description: 'Groups in measure order, claims by statedAt then actor; ranges stay ranges; with `q`, only claims whose measure, quote or locator match' })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid (the problem names it), or the cursor was altered' })
  @ApiNotFoundResponse({ description: 'A measure, actor or reportedIn names nothing recorded: problem type unknown-reference, each unknown value with suggestions', content: UNKNOWN_NAME_RESPONSE })
  async list(@Query() request: ClaimsSideBySideRequest): Promise<MeasureGroupPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const knownAt = request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt);
    const cursor = await this.cursorSecret.cursor('claims by measure');
    const query = queryDigest({ measure: request.measure, actors: request.actor ? [...new Set(request.actor)].sort() : null, q: request.q, reportedIn: request.reportedIn, knownAt: knownAt?.toISOString() });
    const after = request.cursor === undefined ? undefined : cursor.open(request.cursor, query, ({ after }) => (typeof after === 'string' ? after : undefined));
    await this.names.require(readNames({ actor: request.actor, measure: request.measure, reportedIn: request.reportedIn }));
    const { groups, more } = await this.query.run({ measure: request.measure, actors: request.actor, text: request.q, reportedIn: request.reportedIn, knownAt, after, limit });
    return { items: groups, nextCursor: more ? cursor.seal(query, { after: groups.at(-1)!.measure }) : null };
  }
}
