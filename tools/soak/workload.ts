import { answered, attempt, call, isSuccess, type Outcome } from './http.js';

/** What the load refers to: actors, a small topic tree, a source, registered once per prefix. */
export interface References {
  readonly actors: string[];
  readonly topics: string[];
  readonly source: string;
  readonly measure: string;
}

const STANCES = ['strongly_oppose', 'oppose', 'neutral', 'support', 'strongly_support'];
const STATED_AT = ['2022', '2022-10', '2022-10-04', '2024-02-29', '2025', '2025-02', '2025-02-04'];

/** Registers the references through the API; the Idempotency-Keys make a second run with the same prefix harmless. */
export async function registerReferences(base: string, key: string, prefix: string): Promise<References> {
  const refs: References = {
    actors: [1, 2, 3].map((n) => `${prefix}-actor-${n}`),
    topics: [prefix, `${prefix}/talks`, `${prefix}/talks/direct`, `${prefix}/sanctions`],
    source: `${prefix}-interview`,
    measure: `${prefix}/casualties`,
  };
  const post = async (path: string, body: Record<string, unknown> & { id: string }) => {
    const answer = await call(base, 'POST', path, { key, body, headers: { 'Idempotency-Key': `register-${body.id}` } });
    if (!isSuccess(answer)) throw new Error(`POST ${path} ${body.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  for (const id of refs.actors) await post('/v1/actors', { id, name: `Actor ${id}`, kind: 'person' });
  for (const id of refs.topics) await post('/v1/topics', { id, title: `Topic ${id}`, proposition: `The proposition of ${id} holds` });
  await post('/v1/sources', { id: refs.source, kind: 'interview', title: 'An interview', publishedAt: '2025-02-04' });
  return refs;
}

/** A valid POST /v1/statements body; `n` varies actor, topic, stance, conditions and the precision of statedAt. */
export function statementBody(refs: References, id: string, n: number): Record<string, unknown> {
  return {
    id,
    actorId: refs.actors[n % refs.actors.length],
    topicId: refs.topics[(n >> 1) % refs.topics.length],
    stance: STANCES[n % STANCES.length],
    conditions: n % 3 === 0 ? ['if it is the only path to peace'] : [],
    summary: `Statement ${n} of the load (${id})`,
    ...(n % 2 === 0 ? { quote: `We said ${n} things, «with unicode» ${n}` } : {}),
    form: n % 4 === 0 ? 'direct_quote' : 'paraphrase',
    statedAt: STATED_AT[n % STATED_AT.length],
    sourceId: refs.source,
  };
}

/**
 * What the clients were told: the statements acknowledged (2xx) with their last acknowledged version,
 * the ones whose request got no answer (the service died or the connection broke: written or not, the
 * client cannot know), and every other refusal.
 */
export class StatementLedger {
  readonly acknowledged = new Map<string, number>();
  readonly unanswered = new Set<string>();
  readonly refused: { id: string; status: number; body: unknown }[] = [];

  note(id: string, outcome: Outcome): void {
    if (!answered(outcome)) {
      if (!this.acknowledged.has(id)) this.unanswered.add(id);
      return;
    }
    if (isSuccess(outcome)) {
      this.unanswered.delete(id);
      this.acknowledged.set(id, (outcome.body as { version: number }).version);
    } else {
      this.refused.push({ id, status: outcome.status, body: outcome.body });
    }
  }
}

/** Records a statement with its id as the Idempotency-Key, so a retry of an unanswered one is safe. */
export async function recordStatement(base: string, key: string, refs: References, ledger: StatementLedger, id: string, n: number): Promise<Outcome> {
  const outcome = await attempt(base, 'POST', '/v1/statements', { key, body: statementBody(refs, id, n), headers: { 'Idempotency-Key': `record-${id}` } });
  ledger.note(id, outcome);
  return outcome;
}

/** Corrects an acknowledged statement's summary, with If-Match its last acknowledged version. */
export async function correctStatement(base: string, key: string, ledger: StatementLedger, id: string, n: number): Promise<Outcome> {
  const version = ledger.acknowledged.get(id);
  const outcome = await attempt(base, 'POST', `/v1/statements/${id}/corrections`, {
    key,
    body: { changes: { summary: `Statement ${id}, corrected (${n})` }, reason: 'checked the recording' },
    headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': `correct-${id}-${version}` },
  });
  ledger.note(id, outcome);
  return outcome;
}
