import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StanceChangePage } from '../stance-change.view.js';
import { DOCUMENT_CAP, StanceChangesReport } from './stance-changes.report.js';
import { StanceChangesRequest } from './stance-changes.request.dto.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';

@ApiTags('stance-changes')
@ApiExtraModels(StanceChangePage)
@Controller('v1/stance-changes')
export class StanceChangesController {
  constructor(private readonly report: StanceChangesReport) {}

  @Get()
  @ApiOperation({ summary: 'Where actors changed their stance: the stance-change report' })
  @ApiProduces('application/json', 'text/csv', 'text/markdown')
  @ApiOkResponse({
    description: 'Consecutive statements of each actor on each topic compared: `{items, nextCursor}` as JSON (paged, in actor, topic, '
      + `time order), or every matching change (at most ${DOCUMENT_CAP}) as CSV (one header row, one row per change) or a Markdown `
      + 'document grouped by actor and topic. A capped CSV or Markdown answer carries `Stanceline-Capped: true`.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StanceChangePage) } },
      'text/csv': { schema: { type: 'string' } },
      'text/markdown': { schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid (the problem names it), or the cursor was altered' })
  @ApiNotFoundResponse({ description: 'An actor or topic names nothing recorded: problem type unknown-reference, each unknown value with suggestions', content: UNKNOWN_NAME_RESPONSE })
  async list(@Query() request: StanceChangesRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<StanceChangePage | string> {
    const format = request.format ?? 'json';
    if (format === 'json') return this.report.page(request);
    const document = await this.report.document(request, format);
    res.header('Content-Type', document.contentType);
    // The header says it for clients; the Markdown also says it in its text. CSV has no room for a note that is not a row.
    if (document.capped) res.header('Stanceline-Capped', 'true');
    return document.body;
  }
}
