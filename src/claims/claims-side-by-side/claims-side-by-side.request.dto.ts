import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { asInteger, asList } from '../../common/query-params.js';
import { IsName } from '../../common/validators.js';
import { IsTimestamp } from '../../common/dates/known-at.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;


export class ClaimsSideBySideRequest {
  @ApiPropertyOptional({ description: 'a measure path; includes its sub-measures', example: 'casualties/ukraine' })
  @IsOptional() @IsName()
  measure?: string;

  @ApiPropertyOptional({ type: [String], description: 'actor ids; repeat for several (?actor=a&actor=b)', example: ['volodymyr-zelensky'] })
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50)
  @IsName({ each: true })
  actor?: string[];

  @ApiPropertyOptional({ description: 'words of the measure, the quote or the locator (English stemming, "a phrase" in double quotes): only the claims that match', example: 'killed' })
  @IsOptional() @IsName()
  q?: string;

  @ApiPropertyOptional({ description: 'a source id: only claims reported in that publication (their `reportedIn`); an unknown one: 404 with suggestions', example: 'article-zelensky-willing-to-negotiate-with-putin' })
  @IsOptional() @IsName()
  reportedIn?: string;

  @ApiPropertyOptional({ description: 'answer as the records stood at this instant (full ISO 8601 timestamp)', example: '2025-02-05T10:00:00Z' })
  @IsOptional() @IsString() @IsTimestamp()
  knownAt?: string;

  @ApiPropertyOptional({ description: 'measures per page', default: DEFAULT_LIMIT, minimum: 1, maximum: MAX_LIMIT })
  @IsOptional() @Transform(asInteger) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(1000)
  cursor?: string;
}
