import { auth, type TestApp } from './test-app.js';

/** The speakers and topics of the seed article (seed/article.ndjson) that the specs talk about. */
export const ZELENSKY = 'volodymyr-zelensky';
export const TRUMP = 'donald-trump';
export const NEGOTIATIONS = 'ukraine-war/negotiations';
export const DIRECT_TALKS = 'ukraine-war/negotiations/direct-talks-with-putin';

/** Statements of the seed: the 2022 decree (strongly_oppose) and the 2025-02-04 interview (support) on direct talks. */
export const DECREE_2022 = 'zelensky-2022-decree-banning-talks-with-putin';
export const TALKS_2025 = 'zelensky-2025-02-04-direct-talks-with-putin';
export const TRUMP_TALKS_2025 = 'trump-2025-02-04-very-constructive-talks';
/** How many statements the seed records. */
export const SEED_STATEMENTS = 14;

/** The two occasions the specs' own records cite. */
export const INTERVIEW = 'piers-morgan-zelensky-2025-02-04';
export const PRESS_CONFERENCE = 'trump-netanyahu-press-conference-2025-02-04';

const post = (t: TestApp, path: string, body: object) => t.http.post(path).set(auth('editor')).send(body).expect(201);

/** Registers the two speakers through the API, as an editor would. */
export async function registerSpeakers(t: TestApp): Promise<void> {
  await post(t, '/v1/actors', { id: ZELENSKY, name: 'Volodymyr Zelensky', kind: 'person' });
  await post(t, '/v1/actors', { id: TRUMP, name: 'Donald Trump', kind: 'person' });
}

/** Registers the two occasions through the API. */
export async function registerOccasions(t: TestApp): Promise<void> {
  await post(t, '/v1/sources', { id: INTERVIEW, kind: 'interview', title: 'Zelensky on Piers Morgan Uncensored', publishedAt: '2025-02-04' });
  await post(t, '/v1/sources', { id: PRESS_CONFERENCE, kind: 'press_conference', title: 'Trump and Netanyahu press conference', publishedAt: '2025-02-04' });
}
