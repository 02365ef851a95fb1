import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { parseTimestamp } from '../common/dates/known-at.js';
import { parsePartialDate } from '../common/dates/partial-date.js';
import { positionsCsv } from './positions.csv.js';
import { Positions } from './positions.query.js';
import { PositionsRequest } from './positions.request.dto.js';
import { PositionsView } from './positions.view.js';
import { UNKNOWN_NAME_RESPONSE } from '../names/unknown-name.error.js';

@ApiTags('stances')
@ApiExtraModels(PositionsView)
@Controller('v1/positions')
export class PositionsController {
  constructor(private readonly positions: Positions) {}

  @Get()
  @ApiOperation({ summary: 'Where every actor stands on a topic and each subtopic on a date: the grid' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'Where each actor stands on the topic and each subtopic on the date: each cell as /v1/stance computes `standing`, '
      + 'or, where nothing stands, the latest statement whose partial date covers the date (`uncertain: true`).',
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(PositionsView) },
        example: {
          topic: { id: 'ukraine-war', title: 'The war in Ukraine', proposition: 'Ukraine should end the war' }, on: '2025-02-04', knownAt: null,
          topics: [{ id: 'ukraine-war/negotiations', title: 'Negotiations', proposition: 'Ukraine should negotiate with Russia' }],
          actors: [{ id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky' }],
          cells: [{ actorId: 'volodymyr-zelensky', topicId: 'ukraine-war/negotiations', stance: 'support', stanceScore: 1, statementId: 'zelensky-talks-2025', statedAt: '2025-02-04', uncertain: false }],
        },
      },
      'text/csv': { schema: { type: 'string' }, example: 'actor,ukraine-war/negotiations\r\nvolodymyr-zelensky,support\r\n' },
    },
  })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid; the problem names it' })
  @ApiNotFoundResponse({ description: 'The topic or an actor names nothing recorded: problem type unknown-reference, with suggestions', content: UNKNOWN_NAME_RESPONSE })
  async get(@Query() request: PositionsRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const on = parsePartialDate(request.on ?? new Date().toISOString().slice(0, 10))!;
    const knownAt = request.knownAt === undefined ? undefined : parseTimestamp(request.knownAt);
    const actors = request.actor ? [...new Set(request.actor)] : undefined;
    const grid = await this.positions.grid({ actors, topic: request.topic }, on, knownAt);
    if (request.format === 'csv') {
      res.header('Content-Type', 'text/csv; charset=utf-8');
      return positionsCsv(JSON.parse(grid) as PositionsView);
    }
    // Already JSON, as PostgreSQL wrote it: sent as it is, not parsed and serialized again.
    res.header('Content-Type', 'application/json; charset=utf-8');
    return grid;
  }
}
