import { INTERVIEW, registerOccasions, registerSpeakers, ZELENSKY } from './references.js';
import type { TestApp } from './test-app.js';

export { INTERVIEW, PRESS_CONFERENCE, TRUMP, ZELENSKY } from './references.js';
export const UKRAINE_KILLED = 'casualties/ukraine/military/killed';

/** What the claim specs refer to: the two speakers and the two occasions they spoke on. */
export async function registerClaimReferences(t: TestApp): Promise<void> {
  await registerSpeakers(t);
  await registerOccasions(t);
}

/** Zelensky's 45,100 Ukrainian soldiers killed, as a POST /v1/claims body; `overrides` replace fields. */
export function claimBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actorId: ZELENSKY, measure: UKRAINE_KILLED, value: { exact: 45100 }, qualifier: 'exact', unit: 'soldiers',
    statedAt: '2025-02-04', sourceId: INTERVIEW, quote: '45,100 soldiers have been killed',
    ...overrides,
  };
}
