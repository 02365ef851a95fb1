import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { asInteger } from '../../common/query-params.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export class ListActorsRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional() @Transform(asInteger) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(1000)
  cursor?: string;
}
