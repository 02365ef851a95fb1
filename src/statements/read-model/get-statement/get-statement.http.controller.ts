import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IsTimestamp, parseTimestamp } from '../../../common/dates/known-at.js';
import { NotFoundError } from '../../../common/domain-error.js';
import { StatementIdPipe } from '../../statement-id.pipe.js';
import { etagOf } from '../../statement.view.js';
import { NOW } from '../as-of.js';
import { StatementReadView } from '../statement-read.view.js';
import { StatementHistoryView } from './statement-history.view.js';
import { StatementLookup } from './statement-lookup.query.js';

export class GetStatementRequest {
  @ApiPropertyOptional({ description: 'the statement as it stood at this instant (full ISO 8601 timestamp); default now', example: '2025-02-05T10:00:00Z' })
  @IsOptional() @IsString() @IsTimestamp()
  knownAt?: string;
}

@ApiTags('statements')
@Controller('v1/statements')
export class GetStatementController {
  constructor(private readonly statements: StatementLookup) {}

  @Get(':id')
  @ApiOperation({ summary: 'Read a statement, now or as it stood at knownAt' })
  @ApiOkResponse({ type: StatementReadView, description: 'The statement as it stood at knownAt, its version also the ETag (send it back as If-Match with a correction)' })
  @ApiBadRequestResponse({ description: 'knownAt is not a full ISO 8601 timestamp' })
  @ApiNotFoundResponse({ description: 'No such statement at that time: never recorded, not yet recorded, or retracted' })
  async get(
    @Param('id', StatementIdPipe) id: string, @Query() request: GetStatementRequest, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StatementReadView> {
    const knownAt = request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt);
    const statement = await this.statements.asOf(id, knownAt ? { kind: 'known-at', knownAt } : NOW);
    if (!statement) throw new NotFoundError(`No statement ${id}${knownAt ? ` on record at ${knownAt.toISOString()}` : ''}`);
    res.header('ETag', etagOf(statement.version));
    return statement;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every version of a statement, with the event that made it' })
  @ApiOkResponse({ type: StatementHistoryView, description: 'Every version with the event that made it, retraction included' })
  @ApiNotFoundResponse({ description: 'No statement has this id' })
  async history(@Param('id', StatementIdPipe) id: string): Promise<StatementHistoryView> {
    const history = await this.statements.history(id);
    if (!history) throw new NotFoundError(`No statement ${id}`);
    return history;
  }
}
