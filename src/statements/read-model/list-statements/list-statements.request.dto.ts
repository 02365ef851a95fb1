import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { asInteger } from '../../../common/query-params.js';
import { StatementFiltersRequest } from '../statement-filters.request.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export class ListStatementsRequest extends StatementFiltersRequest {
  @ApiPropertyOptional({ description: 'statements per page', default: DEFAULT_LIMIT, minimum: 1, maximum: MAX_LIMIT })
  @IsOptional() @Transform(asInteger) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page; send the same filters with it' })
  @IsOptional() @IsString() @MaxLength(8192)
  cursor?: string;
}
