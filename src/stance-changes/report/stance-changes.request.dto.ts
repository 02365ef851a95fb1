import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsTimestamp } from '../../common/dates/known-at.js';
import { asInteger, asList } from '../../common/query-params.js';
import { IsName, IsPartialDate } from '../../common/validators.js';
import { CHANGE_KINDS, type ChangeKind } from '../classify-change.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
export const REPORT_FORMATS = ['json', 'csv', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

// `?kind=reversal&kind=shift` and `?kind=reversal,shift` mean the same list.
const asKindList = ({ value }: { value: unknown }) => {
  const list = asList({ value });
  return Array.isArray(list) ? list.flatMap((k) => (typeof k === 'string' ? k.split(',').map((part) => part.trim()) : [k])) : list;
};

/** The filters of GET /v1/stance-changes, also what `npm run report` validates its arguments with. */
export class StanceChangesRequest {
  @ApiPropertyOptional({ type: [String], description: 'actor ids; repeat for several (?actor=a&actor=b)', example: ['volodymyr-zelensky'] })
  @IsOptional() @Transform(asList) @IsArray() @ArrayMaxSize(50)
  @IsName({ each: true })
  actor?: string[];

  @ApiPropertyOptional({ description: 'a topic id; includes its subtopics', example: 'ukraine-war' })
  @IsOptional() @IsName()
  topic?: string;

  @ApiPropertyOptional({ description: 'changes whose later statement may have been made on or after this date (day, month or year)', example: '2022' })
  @IsOptional() @IsPartialDate()
  from?: string;

  @ApiPropertyOptional({ description: 'changes whose later statement may have been made on or before this date (day, month or year)', example: '2025' })
  @IsOptional() @IsPartialDate()
  to?: string;

  @ApiPropertyOptional({ type: [String], enum: CHANGE_KINDS, description: 'repeat (?kind=a&kind=b) or separate with commas (?kind=a,b)' })
  @IsOptional() @Transform(asKindList) @IsArray() @ArrayMaxSize(CHANGE_KINDS.length * 4)
  @IsIn(CHANGE_KINDS, { each: true, message: `kind must be one of ${CHANGE_KINDS.join(', ')}` })
  kind?: ChangeKind[];

  @ApiPropertyOptional({ description: 'answer as the records stood at this instant (full ISO 8601 timestamp); default now', example: '2025-02-05T10:00:00Z' })
  @IsOptional() @IsString() @IsTimestamp()
  knownAt?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'json is paged; csv and markdown hold every matching change' })
  @IsOptional() @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;

  @ApiPropertyOptional({ description: 'changes per page (json only)', default: DEFAULT_LIMIT, minimum: 1, maximum: MAX_LIMIT })
  @IsOptional() @Transform(asInteger) @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (json only); send the same filters with it' })
  @IsOptional() @IsString() @MaxLength(8192)
  cursor?: string;
}
