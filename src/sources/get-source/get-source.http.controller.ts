import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import { NotFoundError } from '../../common/domain-error.js';
import { IdParamPipe } from '../../common/id-param.pipe.js';
import { SOURCE_COLUMNS, SourceView } from '../source.view.js';

@ApiTags('sources')
@Controller('v1/sources')
export class GetSourceController {
  constructor(private readonly reads: ReadRouter) {}

  @Get(':id')
  @ApiOperation({ summary: 'Read a source' })
  @ApiOkResponse({ type: SourceView, description: 'The source' })
  @ApiNotFoundResponse({ description: 'No source has this id' })
  async get(@Param('id', new IdParamPipe('source')) id: string): Promise<SourceView> {
    const [source] = await this.reads.query(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = $1`, [id]);
    if (!source) throw new NotFoundError(`No source ${id}`);
    return source;
  }
}
