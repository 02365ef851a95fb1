import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_TOPIC_ID_LENGTH, TOPIC_PATH, TOPIC_PATH_MESSAGE } from '../topic-path.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export class ListTopicsQuery {
  @ApiPropertyOptional({ example: 'ukraine-war', description: 'Only this topic and its subtopics' })
  @IsOptional() @IsString() @MaxLength(MAX_TOPIC_ID_LENGTH) @Matches(TOPIC_PATH, { message: `under ${TOPIC_PATH_MESSAGE}` })
  under?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(1000)
  cursor?: string;
}
