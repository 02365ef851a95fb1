import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsCleanText, IsPartialDate, IsRecordId, MAX_ID_LENGTH, SLUG, SLUG_PATH } from '../../common/validators.js';
import { LocatorProperty, ReportedInProperty } from '../../statements/provenance.js';
import { CLAIM_VALUE_SCHEMA, ClaimValueDto, IsClaimValueShape } from '../claim-value.dto.js';
import { QUALIFIERS, type Qualifier } from '../claim.events.js';

export const MAX_UNIT_LENGTH = 50;
export const MAX_QUOTE_LENGTH = 5000;
/** Text that says something: not empty, not only whitespace. */
export const NOT_BLANK = /\S/;
const SLUG_MESSAGE = 'must be a slug: lowercase letters, digits and single hyphens';

export class StateClaimRequest {
  @ApiPropertyOptional({ description: 'a slug or a UUID; a UUID is assigned when omitted', example: 'zelensky-military-killed-2025-02-04' })
  @IsOptional() @IsRecordId()
  id?: string;

  @ApiProperty({ example: 'volodymyr-zelensky', pattern: SLUG.source })
  @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG, { message: `actorId ${SLUG_MESSAGE}` })
  actorId: string;

  @ApiProperty({ example: 'casualties/ukraine/military/killed', pattern: SLUG_PATH.source })
  @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG_PATH, { message: 'measure must be a slash path of slugs' })
  measure: string;

  @ApiProperty({ ...CLAIM_VALUE_SCHEMA, example: { exact: 45100 } })
  @IsObject() @IsClaimValueShape() @ValidateNested() @Type(() => ClaimValueDto)
  value: ClaimValueDto;

  @ApiProperty({ enum: QUALIFIERS })
  @IsIn(QUALIFIERS)
  qualifier: Qualifier;

  @ApiProperty({ example: 'people' })
  @IsString() @Matches(NOT_BLANK, { message: 'unit must not be blank' }) @MaxLength(MAX_UNIT_LENGTH) @IsCleanText()
  unit: string;

  @ApiPropertyOptional({ example: '2025-02', description: 'the date the figure refers to; day, month or year precision' })
  @IsOptional() @IsPartialDate()
  refersTo?: string;

  @ApiProperty({ example: '2025-02-04', description: 'day, month or year precision' })
  @IsPartialDate()
  statedAt: string;

  @ApiProperty({ example: 'piers-morgan-interview-2025-02-04', pattern: SLUG.source })
  @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG, { message: `sourceId ${SLUG_MESSAGE}` })
  sourceId: string;

  @ApiPropertyOptional({ example: 'As of today, 45,100 soldiers have been killed.' })
  @IsOptional() @IsString() @Matches(NOT_BLANK, { message: 'quote must not be blank' }) @MaxLength(MAX_QUOTE_LENGTH) @IsCleanText()
  quote?: string;

  @ReportedInProperty()
  reportedIn?: string | null;

  @LocatorProperty()
  locator?: string | null;
}
