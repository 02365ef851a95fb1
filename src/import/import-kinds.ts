import { planRegisterActor } from '../actors/register-actor/register-actor.handler.js';
import { RegisterActorRequest } from '../actors/register-actor/register-actor.request.dto.js';
import { actorStream } from '../actors/actor.events.js';
import { planStateClaim } from '../claims/state-claim/state-claim.handler.js';
import { StateClaimRequest } from '../claims/state-claim/state-claim.request.dto.js';
import type { CreatePlan } from '../common/create-plan.js';
import type { ReferencesToCheck } from '../common/references.js';
import { planRegisterSource } from '../sources/register-source/register-source.handler.js';
import { RegisterSourceRequest } from '../sources/register-source/register-source.request.dto.js';
import { sourceStream } from '../sources/source.events.js';
import { planRecordStatement } from '../statements/record-statement/record-statement.handler.js';
import { RecordStatementRequest } from '../statements/record-statement/record-statement.request.dto.js';
import { planDefineTopic } from '../topics/define-topic/define-topic.handler.js';
import { DefineTopicRequest } from '../topics/define-topic/define-topic.request.dto.js';
import { topicStream } from '../topics/topic.events.js';

/**
 * What an NDJSON line may hold: `{"<kind>": <the body of that kind's POST>}`. Each kind names the API's
 * request class (so a line is validated exactly like a request) and the plan its HTTP handler carries out.
 */
export interface ImportKind {
  readonly request: new () => object;
  readonly plan: (request: never) => CreatePlan;
}

export const IMPORT_KINDS: Record<string, ImportKind> = {
  actor: { request: RegisterActorRequest, plan: planRegisterActor },
  topic: { request: DefineTopicRequest, plan: planDefineTopic },
  source: { request: RegisterSourceRequest, plan: planRegisterSource },
  statement: { request: RecordStatementRequest, plan: planRecordStatement },
  claim: { request: StateClaimRequest, plan: planStateClaim },
};

/** The streams of what a write refers to: a line naming one created earlier in the same page must wait for it. */
export function referencedStreams(refs: ReferencesToCheck): string[] {
  return [
    ...(refs.actor ? [actorStream(refs.actor.id)] : []),
    ...(refs.topic ? [topicStream(refs.topic.id)] : []),
    ...(refs.source ? [sourceStream(refs.source.id)] : []),
    ...(refs.reportedIn ? [sourceStream(refs.reportedIn.id)] : []),
  ];
}
