import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { IsTimestamp } from '../../common/dates/known-at.js';
import { asList } from '../../common/query-params.js';
import { IsName, IsPartialDate } from '../../common/validators.js';

/** The filters every statement read shares (timeline page, timeline exports): who, on what, when, as known when. */
export class StatementFiltersRequest {
  @ApiPropertyOptional({ type: [String], description: 'actor ids; repeat for several (?actor=a&actor=b); all actors when absent; an unknown one: 404 with suggestions', example: ['volodymyr-zelensky'] })
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50)
  @IsName({ each: true })
  actor?: string[];

  @ApiPropertyOptional({ description: 'a topic id; includes its subtopics', example: 'ukraine-war/negotiations' })
  @IsOptional() @IsName()
  topic?: string;

  @ApiPropertyOptional({ description: 'words said (summary, quote, conditions, locator, topic title), English stemming, "a phrase" in double quotes, `or`, `-word`', example: 'negotiations putin' })
  @IsOptional() @IsName()
  q?: string;

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
