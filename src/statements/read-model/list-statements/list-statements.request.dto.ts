import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { asInteger } from '../../../common/query-params.js';
import { IsName } from '../../../common/validators.js';
import { StatementFiltersRequest } from '../statement-filters.request.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export const SORTS = ['relevance', 'statedAt'] as const;

export class ListStatementsRequest extends StatementFiltersRequest {
  @ApiPropertyOptional({ description: 'a source id: only statements reported in that publication (their `reportedIn`); an unknown one: 404 with suggestions', example: 'article-zelensky-willing-to-negotiate-with-putin' })
  @IsOptional() @IsName()
  reportedIn?: string;

  @ApiPropertyOptional({ enum: SORTS, description: 'with `q`: relevance (default) or the timeline order; without `q` always statedAt' })
  @IsOptional() @IsIn(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` })
  sort?: (typeof SORTS)[number];

  @ApiPropertyOptional({ description: 'statements per page', default: DEFAULT_LIMIT, minimum: 1, maximum: MAX_LIMIT })
  @IsOptional() @Transform(asInteger) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page; send the same filters with it' })
  @IsOptional() @IsString() @MaxLength(8192)
  cursor?: string;
}
