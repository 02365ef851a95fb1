import type { StatementFields } from '../../src/statements/statement.events.js';

/** Every field of a statement, for tests that build statement events by hand and vary one or two. */
export const STATEMENT_FIELDS: StatementFields = {
  actorId: 'volodymyr-zelensky', topicId: 'ukraine-war', stance: 'neutral', conditions: [], summary: 's', quote: null, form: 'paraphrase',
  statedAt: '2022', sourceId: 'interview', reportedIn: null, locator: null,
};
