import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { asInteger } from '../../common/query-params.js';
import { POSITION } from '../resume-position.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export class ListEventsRequest {
  @ApiPropertyOptional({ example: '0', description: 'the position of the last event you have; 0 or absent: from the start' })
  @IsOptional() @IsString() @Matches(POSITION, { message: 'after must be an event position (digits), or 0 for the start' })
  after?: string;

  @ApiPropertyOptional({ description: 'events per page', default: DEFAULT_LIMIT, minimum: 1, maximum: MAX_LIMIT })
  @IsOptional() @Transform(asInteger) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;
}
