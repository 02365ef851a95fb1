import { auth, type TestApp } from './test-app.js';

/** What the claim specs refer to: the seed article's two speakers and the two occasions they spoke on. */
export const ZELENSKY = 'volodymyr-zelensky';
export const TRUMP = 'donald-trump';
export const INTERVIEW = 'piers-morgan-zelensky-2025-02-04';
export const PRESS_CONFERENCE = 'trump-netanyahu-press-conference-2025-02-04';
export const UKRAINE_KILLED = 'casualties/ukraine/military/killed';

/** Registers them through the API, as an editor would. */
export async function registerClaimReferences(t: TestApp): Promise<void> {
  const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body).expect(201);
  await post('/v1/actors', { id: ZELENSKY, name: 'Volodymyr Zelensky', kind: 'person' });
  await post('/v1/actors', { id: TRUMP, name: 'Donald Trump', kind: 'person' });
  await post('/v1/sources', { id: INTERVIEW, kind: 'interview', title: 'Zelensky on Piers Morgan Uncensored', publishedAt: '2025-02-04' });
  await post('/v1/sources', { id: PRESS_CONFERENCE, kind: 'press_conference', title: 'Trump and Netanyahu press conference', publishedAt: '2025-02-04' });
}

/** Zelensky's 45,100 Ukrainian soldiers killed, as a POST /v1/claims body; `overrides` replace fields. */
export function claimBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actorId: ZELENSKY, measure: UKRAINE_KILLED, value: { exact: 45100 }, qualifier: 'exact', unit: 'soldiers',
    statedAt: '2025-02-04', sourceId: INTERVIEW, quote: '45,100 soldiers have been killed',
    ...overrides,
  };
}
