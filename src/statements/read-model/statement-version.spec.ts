import type { StatementFields } from '../statement.events.js';
import { derivedColumns } from './statement-version.js';

const decree: StatementFields = {
  actorId: 'volodymyr-zelensky', topicId: 'ukraine-war/negotiations/direct-talks-with-putin', stance: 'strongly_oppose',
  conditions: [], summary: 'Decree declaring talks with Putin impossible', quote: null, form: 'official_act', statedAt: '2022',
  sourceId: 'ukraine-decree-2022-10-04', reportedIn: null, locator: null,
};

describe('the columns a statement version derives from its fields', () => {
  it('given a statement dated 2022, then its period is the whole year at year precision, and strongly_oppose scores -2', () => {
    expect(derivedColumns(decree)).toMatchObject({ precision: 'year', statedStart: '2022-01-01', statedEnd: '2022-12-31', stanceScore: -2 });
  });

  it('given a statement dated 2024-02, then its period is that month, leap day included', () => {
    expect(derivedColumns({ ...decree, statedAt: '2024-02' })).toMatchObject({ precision: 'month', statedStart: '2024-02-01', statedEnd: '2024-02-29' });
  });

  it('given conditions with blanks and repeats and no quote, then conditions are a clean set and the quote is null', () => {
    const fields = { ...decree, statedAt: '2025-02-04', conditions: [' if it is the only path to peace ', '', 'if it is the only path to peace'] };
    delete (fields as Partial<StatementFields>).quote;
    expect(derivedColumns(fields)).toMatchObject({ precision: 'day', statedStart: '2025-02-04', statedEnd: '2025-02-04', conditions: ['if it is the only path to peace'], quote: null });
  });

  it('given a statedAt that is no date, then it refuses rather than store a made-up period', () => {
    expect(() => derivedColumns({ ...decree, statedAt: '2022-13' })).toThrow(/not a partial date/);
  });
});
