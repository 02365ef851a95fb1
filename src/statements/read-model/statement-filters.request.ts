import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsTimestamp } from '../../common/dates/known-at.js';
import { asList } from '../../common/query-params.js';
import { IsPartialDate, MAX_ID_LENGTH, SLUG } from '../../common/validators.js';
import { MAX_TOPIC_ID_LENGTH, TOPIC_PATH, TOPIC_PATH_MESSAGE } from '../../topics/topic-path.js';

/** The filters every statement read shares (timeline page, timeline exports): who, on what, when, as known when. */
export class StatementFiltersRequest {
  @ApiPropertyOptional({ type: [String], description: 'actor ids; repeat for several (?actor=a&actor=b); all actors when absent', example: ['volodymyr-zelensky'] })
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50)
  @IsString({ each: true }) @MaxLength(MAX_ID_LENGTH, { each: true }) @Matches(SLUG, { each: true, message: 'actor must be an actor id (a slug)' })
  actor?: string[];

  @ApiPropertyOptional({ description: 'a topic id; includes its subtopics', example: 'ukraine-war/negotiations' })
  @IsOptional() @IsString() @MaxLength(MAX_TOPIC_ID_LENGTH) @Matches(TOPIC_PATH, { message: `topic ${TOPIC_PATH_MESSAGE}` })
  topic?: string;

  @ApiPropertyOptional({ description: 'statements whose statedAt may fall on or after this date (day, month or year)', example: '2022' })
  @IsOptional() @IsPartialDate()
  from?: string;

  @ApiPropertyOptional({ description: 'statements whose statedAt may fall on or before this date (day, month or year)', example: '2025-02' })
  @IsOptional() @IsPartialDate()
  to?: string;

  @ApiPropertyOptional({ description: 'answer as the records stood at this instant (full ISO 8601 timestamp); default now', example: '2025-02-05T10:00:00Z' })
  @IsOptional() @IsString() @IsTimestamp()
  knownAt?: string;
}
