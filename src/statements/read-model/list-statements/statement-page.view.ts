import { ApiProperty } from '@nestjs/swagger';
import { StatementReadView } from '../statement-read.view.js';

/** One page of the timeline. */
export class StatementPage {
  @ApiProperty({ type: [StatementReadView], description: 'In statedAt order, ties in the order they were recorded' })
  items: StatementReadView[];

  @ApiProperty({ type: String, nullable: true, description: 'Send it as `cursor`, with the same filters, for the next page; null on the last page. Later pages see the records as the first page did.' })
  nextCursor: string | null;
}
