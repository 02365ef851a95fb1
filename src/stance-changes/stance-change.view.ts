import { ApiProperty } from '@nestjs/swagger';
import { FORMS, STANCES, type Form, type Stance } from '../statements/statement.events.js';
import { CHANGE_KINDS, FLIP_O_METER, type ChangeKind, type FlipOMeter } from './classify-change.js';

/** One side of a change: the statement as evidence, with its source named so a reader can check it. */
export class ChangeEvidence {
  @ApiProperty({ example: 'zelensky-2022-decree-banning-talks-with-putin' }) id: string;
  @ApiProperty({ example: '2022', description: 'day, month or year precision' }) statedAt: string;
  @ApiProperty({ enum: STANCES }) stance: Stance;
  @ApiProperty({ minimum: -2, maximum: 2 }) stanceScore: number;
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) quote: string | null;
  @ApiProperty({ enum: FORMS }) form: Form;
  @ApiProperty({ example: 'ukraine-decree-2022-10-04-negotiations-with-putin' }) sourceId: string;
  @ApiProperty({ type: String, nullable: true }) sourceTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) sourcePublisher: string | null;
  @ApiProperty({ type: String, nullable: true }) sourceUrl: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'article-zelensky-willing-to-negotiate-with-putin', description: 'the publication it is known through' })
  reportedIn: string | null;
  @ApiProperty({ type: String, nullable: true }) reportedInTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) reportedInUrl: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'paragraph 3', description: 'where in the source or publication' }) locator: string | null;
}

export class StanceChange {
  @ApiProperty({ example: 'volodymyr-zelensky' }) actorId: string;
  @ApiProperty({ example: 'Volodymyr Zelensky' }) actorName: string;
  @ApiProperty({ example: 'ukraine-war/negotiations/direct-talks-with-putin' }) topicId: string;
  @ApiProperty({ example: 'Direct talks with Putin' }) topicTitle: string;
  @ApiProperty({ example: "Ukraine's president should negotiate directly with Putin." }) topicProposition: string;
  @ApiProperty({ enum: CHANGE_KINDS }) kind: ChangeKind;
  @ApiProperty({ enum: [...new Set(Object.values(FLIP_O_METER))] }) flipOMeter: FlipOMeter;
  @ApiProperty({ example: 3, description: "the later stance's score minus the earlier one's" }) scoreDelta: number;
  @ApiProperty({ description: 'the two statedAt periods overlap (e.g. 2025 and 2025-02-04), so which came first is not known' })
  orderUncertain: boolean;
  @ApiProperty({ type: ChangeEvidence, description: 'the earlier statement' }) from: ChangeEvidence;
  @ApiProperty({ type: ChangeEvidence, description: 'the later statement' }) to: ChangeEvidence;
}

export class StanceChangePage {
  @ApiProperty({ type: [StanceChange] }) items: StanceChange[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= (with the same filters) for the next page' })
  nextCursor: string | null;
}
