import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsCleanText } from '../common/validators.js';

export const MAX_REASON_LENGTH = 1000;

/** Why a claim is corrected or retracted: kept on the event, so the record says why it changed. */
export class ClaimReasonRequest {
  @ApiProperty({ example: 'misattributed', maxLength: MAX_REASON_LENGTH })
  @IsString() @Matches(/\S/, { message: 'reason must not be blank' }) @MaxLength(MAX_REASON_LENGTH) @IsCleanText()
  reason: string;
}
