import { ApiProperty } from '@nestjs/swagger';
import { StatementReadView } from '../../statements/read-model/statement-read.view.js';

export class StandingPosition {
  @ApiProperty({ example: 'ukraine-war/negotiations/direct-talks-with-putin' }) topicId: string;
  @ApiProperty({ type: StatementReadView, description: 'The latest statement on this topic certainly made by the date' }) statement: StatementReadView;
}

/** "What did X say about Y on D", as the records stood at knownAt. */
export class StanceOnDateView {
  @ApiProperty() actorId: string;
  @ApiProperty() topicId: string;
  @ApiProperty({ example: '2025-02-04' }) on: string;
  @ApiProperty({ type: String, nullable: true, description: 'The instant the answer is as of; null: the current records' }) knownAt: string | null;
  @ApiProperty({ type: [StatementReadView], description: 'Statements whose date falls within `on`' }) saidOn: StatementReadView[];
  @ApiProperty({ type: [StandingPosition], description: 'Per topic and subtopic, the latest statement certainly made by the end of `on`' })
  standing: StandingPosition[];
  @ApiProperty({ type: [StatementReadView], description: 'Statements whose coarser date covers the end of `on`: they may or may not have been made by then' })
  uncertain: StatementReadView[];
}
