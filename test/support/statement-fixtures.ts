import { DIRECT_TALKS, INTERVIEW, NEGOTIATIONS, registerOccasions, registerSpeakers, ZELENSKY } from './references.js';
import { auth, type TestApp } from './test-app.js';

export { DIRECT_TALKS, INTERVIEW, NEGOTIATIONS, PRESS_CONFERENCE, TRUMP, ZELENSKY } from './references.js';

/** What the statement specs refer to: the two speakers and occasions, and the topics of direct talks. */
export async function registerStatementReferences(t: TestApp): Promise<void> {
  await registerSpeakers(t);
  await registerOccasions(t);
  const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body).expect(201);
  await post('/v1/topics', { id: 'ukraine-war', title: 'The war in Ukraine', proposition: 'The war in Ukraine should end' });
  await post('/v1/topics', { id: NEGOTIATIONS, title: 'Negotiations', proposition: 'Ukraine and Russia should negotiate' });
  await post('/v1/topics', { id: DIRECT_TALKS, title: 'Direct talks with Putin', proposition: "Ukraine's president should negotiate directly with Putin" });
}

/** A valid body for POST /v1/statements; `overrides` replace fields. */
export function statementBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actorId: ZELENSKY, topicId: DIRECT_TALKS, stance: 'support', conditions: ['if it is the only path to peace'],
    summary: 'Willing to negotiate directly with Putin if it is the only path to peace',
    quote: 'If that is the only setup in which we will bring peace to the people of Ukraine, we will do it',
    form: 'direct_quote', statedAt: '2025-02-04', sourceId: INTERVIEW,
    ...overrides,
  };
}

/** The events of one statement's stream, oldest first. */
export async function statementEvents(t: TestApp, id: string): Promise<{ type: string; version: number; data: Record<string, unknown> }[]> {
  return t.db.dataSource.query(`SELECT type, version, data FROM events WHERE stream_id = $1 ORDER BY version`, [`statement-${id}`]);
}
