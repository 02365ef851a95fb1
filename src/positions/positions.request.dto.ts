import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { IsTimestamp } from '../common/dates/known-at.js';
import { asList } from '../common/query-params.js';
import { IsName, IsPartialDate } from '../common/validators.js';

export const POSITION_FORMATS = ['json', 'csv'] as const;

export class PositionsRequest {
  @ApiPropertyOptional({ description: 'a topic id: the grid covers it and its subtopics; every topic when absent', example: 'ukraine-war' })
  @IsOptional() @IsName()
  topic?: string;

  @ApiPropertyOptional({ description: 'the date asked about: a day, a month or a year; default today (UTC)', example: '2025-02-04' })
  @IsOptional() @IsPartialDate()
  on?: string;

  @ApiPropertyOptional({ type: [String], description: 'actor ids, repeat for several; every actor with a cell when absent', example: ['volodymyr-zelensky', 'donald-trump'] })
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50) @IsName({ each: true })
  actor?: string[];

  @ApiPropertyOptional({ description: 'answer as the records stood at this instant (full ISO 8601 timestamp); default now', example: '2025-02-05T10:00:00Z' })
  @IsOptional() @IsString() @IsTimestamp()
  knownAt?: string;

  @ApiPropertyOptional({ enum: POSITION_FORMATS, default: 'json', description: 'csv: a header `actor` then one column per topic id; one row per actor; a cell is the stance, `?` appended when uncertain' })
  @IsOptional() @IsIn(POSITION_FORMATS, { message: `format must be one of ${POSITION_FORMATS.join(', ')}` })
  format?: (typeof POSITION_FORMATS)[number];
}
