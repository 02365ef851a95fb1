import { Module } from '@nestjs/common';
import { CorrectStatementHandler } from './correct-statement/correct-statement.handler.js';
import { CorrectStatementController } from './correct-statement/correct-statement.http.controller.js';
import { RecordStatementHandler } from './record-statement/record-statement.handler.js';
import { RecordStatementController } from './record-statement/record-statement.http.controller.js';
import { RetractStatementHandler } from './retract-statement/retract-statement.handler.js';
import { RetractStatementController } from './retract-statement/retract-statement.http.controller.js';

/** The write side of statements: record, correct, retract. The read models live in their own modules. */
@Module({
  controllers: [RecordStatementController, CorrectStatementController, RetractStatementController],
  providers: [RecordStatementHandler, CorrectStatementHandler, RetractStatementHandler],
})
export class StatementsModule {}
