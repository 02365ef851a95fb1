import { ApiProperty } from '@nestjs/swagger';
import type { Stance } from '../statements/statement.events.js';

export class GridTopic {
  @ApiProperty({ example: 'ukraine-war/negotiations' }) id: string;
  @ApiProperty({ example: 'Negotiations' }) title: string;
  @ApiProperty({ example: 'Ukraine should negotiate with Russia' }) proposition: string;
}

export class GridActor {
  @ApiProperty({ example: 'volodymyr-zelensky' }) id: string;
  @ApiProperty({ example: 'Volodymyr Zelensky' }) name: string;
}

export class PositionCell {
  @ApiProperty({ example: 'volodymyr-zelensky' }) actorId: string;
  @ApiProperty({ example: 'ukraine-war/negotiations' }) topicId: string;
  @ApiProperty({ example: 'support' }) stance: Stance;
  @ApiProperty({ example: 1 }) stanceScore: number;
  @ApiProperty({ example: 'zelensky-talks-2025' }) statementId: string;
  @ApiProperty({ example: '2025-02-04' }) statedAt: string;
  @ApiProperty({ description: 'false: the standing statement, as /v1/stance gives it; true: nothing stands, and this is the latest statement whose partial date covers `on`' })
  uncertain: boolean;
}

/** Where each actor stands on a topic and its subtopics on a date: one cell per actor and topic that has one. */
export class PositionsView {
  @ApiProperty({ type: GridTopic, nullable: true, description: 'the topic asked about; null: every topic' }) topic: GridTopic | null;
  @ApiProperty({ example: '2025-02-04' }) on: string;
  @ApiProperty({ type: String, nullable: true, description: 'The instant the answer is as of; null: the current records' }) knownAt: string | null;
  @ApiProperty({ type: [GridTopic], description: 'the topics that have a cell, in tree order' }) topics: GridTopic[];
  @ApiProperty({ type: [GridActor], description: 'the actors asked for, or those with a cell, by name' }) actors: GridActor[];
  @ApiProperty({ type: [PositionCell] }) cells: PositionCell[];
}
