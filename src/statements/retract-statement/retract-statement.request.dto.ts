import { ApiProperty } from '@nestjs/swagger';
import { MAX_REASON_LENGTH, ReasonRules } from '../statement-fields.validation.js';
import { RETRACTION_REASONS_EXAMPLES } from '../statement.events.js';

export class RetractStatementRequest {
  @ApiProperty({ maxLength: MAX_REASON_LENGTH, example: RETRACTION_REASONS_EXAMPLES[0], description: `Why, e.g. ${RETRACTION_REASONS_EXAMPLES.join(', ')}` })
  @ReasonRules()
  reason: string;
}

/** The answer to a retraction: the statement is closed at this version. */
export class RetractionView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [true] }) retracted: true;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'The version the retraction made' }) version: number;
  @ApiProperty({ description: 'When the retraction was recorded' }) recordedAt: string;
}
