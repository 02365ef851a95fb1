import { ApiProperty } from '@nestjs/swagger';

export class RebuildReport {
  @ApiProperty({ type: [String], example: ['actors', 'topics', 'sources', 'statement-versions', 'claims'] }) projections: string[];
  @ApiProperty({ type: [String], description: 'The read-model tables replaced' }) tables: string[];
  @ApiProperty({ description: 'Events replayed by this run (a resumed run counts only its own)' }) events: number;
  @ApiProperty({ type: Number, nullable: true, description: 'When this run resumed one that died half-way: the events that one had applied' })
  resumedAfter: number | null;
  @ApiProperty() durationMs: number;
}
