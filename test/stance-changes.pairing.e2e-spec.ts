import { INTERVIEW, registerOccasions, registerSpeakers, ZELENSKY } from './support/references.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

const NATO = 'nato';
const pairs = (items: { from: { id: string }; to: { id: string }; kind: string }[]) => items.map((c) => `${c.from.id}>${c.to.id}:${c.kind}`);

describe('stance changes between statements whose periods start the same day', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await registerSpeakers(t);
    await registerOccasions(t);
    await t.http.post('/v1/topics').set(auth('editor')).send({ id: NATO, title: 'NATO', proposition: 'Ukraine should join NATO.' }).expect(201);
  });
  afterAll(async () => { await t.close(); });

  it('given 2025 recorded before 2025-01, the month comes first (it ends first): opposition in January, then support over the year', async () => {
    const say = (id: string, statedAt: string, stance: string) => t.http.post('/v1/statements').set(auth('editor')).send({
      id, actorId: ZELENSKY, topicId: NATO, stance, statedAt, summary: id, form: 'paraphrase', sourceId: INTERVIEW,
    }).expect(201);
    await say('nato-over-2025', '2025', 'support');
    await say('nato-in-january-2025', '2025-01', 'oppose');
    const body = (await t.http.get('/v1/stance-changes').query({ actor: ZELENSKY }).expect(200)).body;
    expect(pairs(body.items)).toEqual(['nato-in-january-2025>nato-over-2025:reversal']);
  });
});
