import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NameParamPipe } from '../../common/name-param.pipe.js';
import { Names } from '../../names/names.js';
import type { SourceView } from '../source.view.js';
import { SOURCES } from '../sources.query.js';

@ApiTags('sources')
@Controller('v1/sources')
export class GetSourceController {
  constructor(private readonly names: Names) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The source: {id, kind, title, publisher, url, publishedAt, recordedAt}' })
  @ApiBadRequestResponse({ description: 'The id is over 200 characters or holds control characters' })
  @ApiNotFoundResponse({ description: 'No source has this id: problem type unknown-reference, with suggestions' })
  get(@Param('id', NameParamPipe) id: string): Promise<SourceView> {
    return this.names.get<SourceView>(SOURCES, id);
  }
}
