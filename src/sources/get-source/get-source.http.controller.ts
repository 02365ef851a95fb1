import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NameParamPipe } from '../../common/name-param.pipe.js';
import { Names } from '../../names/names.js';
import { UNKNOWN_NAME_RESPONSE } from '../../names/unknown-name.error.js';
import { SourceView } from '../source.view.js';
import { SOURCES } from '../sources.query.js';

@ApiTags('sources')
@Controller('v1/sources')
export class GetSourceController {
  constructor(private readonly names: Names) {}

  @Get(':id')
  @ApiOperation({ summary: 'Read a source' })
  @ApiOkResponse({ type: SourceView, description: 'The source' })
  @ApiBadRequestResponse({ description: 'The id is over 200 characters or holds control characters' })
  @ApiNotFoundResponse({ description: 'No source has this id: problem type unknown-reference, with suggestions', content: UNKNOWN_NAME_RESPONSE })
  get(@Param('id', NameParamPipe) id: string): Promise<SourceView> {
    return this.names.get<SourceView>(SOURCES, id);
  }
}
