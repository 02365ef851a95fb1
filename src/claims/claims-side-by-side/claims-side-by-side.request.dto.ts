import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_ID_LENGTH, SLUG, SLUG_PATH } from '../../common/validators.js';
import { IsTimestamp } from '../../common/dates/known-at.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

// A repeated parameter arrives as an array, a single one as a string: both mean a list.
const asList = ({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]);
// Only plain digits become a number; anything else stays as sent and fails IsInt, naming the parameter.
const asInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

export class ClaimsSideBySideRequest {
  @ApiPropertyOptional({ description: 'a measure path; includes its sub-measures', example: 'casualties/ukraine' })
  @IsOptional() @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG_PATH, { message: 'measure must be a slash path of slugs' })
  measure?: string;

  @ApiPropertyOptional({ type: [String], description: 'actor ids; repeat for several (?actor=a&actor=b)', example: ['volodymyr-zelensky'] })
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50)
  @IsString({ each: true }) @MaxLength(MAX_ID_LENGTH, { each: true }) @Matches(SLUG, { each: true, message: 'actor must be an actor id (a slug)' })
  actor?: string[];

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
