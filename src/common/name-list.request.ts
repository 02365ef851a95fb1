import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { asInteger } from './query-params.js';
import { IsName } from './validators.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** The parameters every registry list shares: find by name, and page. */
export class NameListRequest {
  @ApiPropertyOptional({ description: 'rank by likeness to this text (ids, names, aliases, titles; case, accents and partial words allowed), best first, each with `match` 0..1', example: 'zelenski' })
  @IsOptional() @IsName()
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional() @Transform(asInteger) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same q (and under)' })
  @IsOptional() @IsString() @MaxLength(8192)
  cursor?: string;
}
