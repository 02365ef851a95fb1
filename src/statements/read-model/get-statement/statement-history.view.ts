import { ApiProperty } from '@nestjs/swagger';
import { StatementReadView } from '../statement-read.view.js';

export class VersionEvent {
  @ApiProperty({ enum: ['StatementRecorded', 'StatementCorrected', 'StatementRetracted'] }) type: string;
  @ApiProperty({ description: 'The event id in the log' }) id: string;
  @ApiProperty({ description: 'Its position in the log' }) position: number;
  @ApiProperty({ type: String, nullable: true, description: 'The reason given for a correction or retraction' }) reason: string | null;
}

export class StatementVersionView {
  @ApiProperty() version: number;
  @ApiProperty({ type: VersionEvent, description: 'The event that made this version' }) event: VersionEvent;
  @ApiProperty({ description: 'From when this version was the record' }) recordedFrom: string;
  @ApiProperty({ type: String, nullable: true, description: 'Until when it was (null: it still is); a retraction was never the record, so its period is empty' })
  recordedTo: string | null;
  @ApiProperty({ type: StatementReadView, description: 'The statement as this version holds it (for a retraction: what was retracted)' })
  statement: StatementReadView;
}

export class StatementHistoryView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'True when the last event retracted the statement' }) retracted: boolean;
  @ApiProperty({ type: [StatementVersionView] }) versions: StatementVersionView[];
}
