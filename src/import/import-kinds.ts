import type { ICommand } from '@nestjs/cqrs';
import { RegisterActorCommand } from '../actors/register-actor/register-actor.command.js';
import { RegisterActorRequest } from '../actors/register-actor/register-actor.request.dto.js';
import { StateClaimCommand } from '../claims/state-claim/state-claim.command.js';
import { StateClaimRequest } from '../claims/state-claim/state-claim.request.dto.js';
import type { CommandOptions } from '../event-store/command-handler.js';
import { RegisterSourceCommand } from '../sources/register-source/register-source.command.js';
import { RegisterSourceRequest } from '../sources/register-source/register-source.request.dto.js';
import { RecordStatementCommand } from '../statements/record-statement/record-statement.command.js';
import { RecordStatementRequest } from '../statements/record-statement/record-statement.request.dto.js';
import { DefineTopicCommand } from '../topics/define-topic/define-topic.command.js';
import { DefineTopicRequest } from '../topics/define-topic/define-topic.request.dto.js';

/**
 * What an NDJSON line may hold: `{"<kind>": <the body of that kind's POST>}`. Each kind names the API's
 * request class (so a line is validated exactly like a request) and the command that records it.
 */
export interface ImportKind {
  readonly request: new () => object;
  readonly command: new (request: never, options: CommandOptions) => ICommand;
}

export const IMPORT_KINDS: Record<string, ImportKind> = {
  actor: { request: RegisterActorRequest, command: RegisterActorCommand },
  topic: { request: DefineTopicRequest, command: DefineTopicCommand },
  source: { request: RegisterSourceRequest, command: RegisterSourceCommand },
  statement: { request: RecordStatementRequest, command: RecordStatementCommand },
  claim: { request: StateClaimRequest, command: StateClaimCommand },
};
