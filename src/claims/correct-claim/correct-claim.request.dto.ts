import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmptyObject, IsObject, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsCleanText, IsPartialDate, MAX_ID_LENGTH, SLUG, SLUG_PATH } from '../../common/validators.js';
import { ClaimReasonRequest } from '../claim-reason.dto.js';
import { CLAIM_VALUE_SCHEMA, ClaimValueDto, IsClaimValueShape } from '../claim-value.dto.js';
import { QUALIFIERS, type Qualifier } from '../claim.events.js';
import { MAX_QUOTE_LENGTH, MAX_UNIT_LENGTH, NOT_BLANK } from '../state-claim/state-claim.request.dto.js';

// A field left out stays as it is; null is refused except where it means "none" (refersTo, quote).
const given = (field: keyof ClaimChangesDto) => (o: ClaimChangesDto) => o[field] !== undefined;
const givenNotNull = (field: keyof ClaimChangesDto) => (o: ClaimChangesDto) => o[field] !== undefined && o[field] !== null;

export class ClaimChangesDto {
  @ApiPropertyOptional({ example: 'volodymyr-zelensky' })
  @ValidateIf(given('actorId')) @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG, { message: 'actorId must be a slug' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'casualties/ukraine/military/killed' })
  @ValidateIf(given('measure')) @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG_PATH, { message: 'measure must be a slash path of slugs' })
  measure?: string;

  @ApiPropertyOptional({ ...CLAIM_VALUE_SCHEMA })
  @ValidateIf(given('value')) @IsObject() @IsClaimValueShape() @ValidateNested() @Type(() => ClaimValueDto)
  value?: ClaimValueDto;

  @ApiPropertyOptional({ enum: QUALIFIERS })
  @ValidateIf(given('qualifier')) @IsIn(QUALIFIERS)
  qualifier?: Qualifier;

  @ApiPropertyOptional({ example: 'people' })
  @ValidateIf(given('unit')) @IsString() @Matches(NOT_BLANK, { message: 'unit must not be blank' }) @MaxLength(MAX_UNIT_LENGTH) @IsCleanText()
  unit?: string;

  @ApiPropertyOptional({ type: String, example: '2025-02', nullable: true, description: 'null removes it' })
  @ValidateIf(givenNotNull('refersTo')) @IsPartialDate()
  refersTo?: string | null;

  @ApiPropertyOptional({ example: '2025-02-04' })
  @ValidateIf(given('statedAt')) @IsPartialDate()
  statedAt?: string;

  @ApiPropertyOptional({ example: 'piers-morgan-interview-2025-02-04' })
  @ValidateIf(given('sourceId')) @IsString() @MaxLength(MAX_ID_LENGTH) @Matches(SLUG, { message: 'sourceId must be a slug' })
  sourceId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes it' })
  @ValidateIf(givenNotNull('quote')) @IsString() @Matches(NOT_BLANK, { message: 'quote must not be blank' }) @MaxLength(MAX_QUOTE_LENGTH) @IsCleanText()
  quote?: string | null;
}

export class CorrectClaimRequest extends ClaimReasonRequest {
  @ApiProperty({ type: ClaimChangesDto, description: 'only the fields that change' })
  @IsObject() @IsNotEmptyObject({}, { message: 'changes must name at least one field' }) @ValidateNested() @Type(() => ClaimChangesDto)
  changes: ClaimChangesDto;
}
