import { auditStatements, compareWithRebuild, recordedCounts, type Query } from '../../tools/soak/consistency.js';
import { answered } from '../../tools/soak/http.js';
import { recordStatement, registerReferences, StatementLedger } from '../../tools/soak/workload.js';
import { exited, startService, type ServiceProcess } from '../support/service-process.js';
import { KEYS } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const WRITERS = 12;
/** Acknowledged writes before the kill: enough that the service is busy with every writer's requests. */
const KILL_AFTER = 250;

/**
 * The built service, killed with SIGKILL while twelve clients record statements (explicit ids, an
 * Idempotency-Key each), then started again on the same database. Whatever the kill interrupted, a
 * client that got a 2xx must find its statement, no statement may be recorded twice (not even by a
 * client retrying a request that got no answer), and the read models must be what the log says.
 */
describe('a crash (SIGKILL) in the middle of concurrent writes', () => {
  let db: TestDatabase;
  let service: ServiceProcess | undefined;
  const env = () => ({ DATABASE_URL: db.url, API_KEYS: `${KEYS.editor}:editor,${KEYS.admin}:admin`, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn' });

  beforeAll(async () => { db = await createTestDatabase({ poolSize: 2 }); });
  afterAll(async () => {
    await service?.stop();
    await db.drop();
  });

  it('loses no acknowledged write, records none twice, and leaves read models equal to a rebuild', async () => {
    const query: Query = (sql, params) => db.dataSource.query(sql, params);
    service = await startService(env());
    const refs = await registerReferences(service.url, KEYS.editor, 'crash');
    const ledger = new StatementLedger();
    const sent: string[] = [];
    let killed = false;
    const unansweredBeforeKill: string[] = [];
    const victim = service;
    // Each writer goes on until a request of its own gets no answer, so the kill cuts every writer off,
    // whether its request was in the service's hands at that instant or sent just after it died.
    await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = 0; ; n++) {
        const id = `crash-w${w}-${n}`;
        sent.push(id);
        const outcome = await recordStatement(victim.url, KEYS.editor, refs, ledger, id, n);
        if (!answered(outcome)) {
          if (!killed) unansweredBeforeKill.push(id);
          return;
        }
        if (!killed && ledger.acknowledged.size >= KILL_AFTER) {
          killed = true;
          victim.child.kill('SIGKILL');
        }
      }
    }));
    await exited(victim);
    expect(victim.child.signalCode).toBe('SIGKILL');
    expect(ledger.refused).toEqual([]);
    expect(unansweredBeforeKill).toEqual([]); // while it lived, the service answered every request
    const acknowledged = new Map(ledger.acknowledged);
    const unanswered = [...ledger.unanswered];
    expect(unanswered).toHaveLength(WRITERS);

    service = await startService(env());
    const audit = await auditStatements(service.url, query, acknowledged);
    expect(audit).toEqual({ acknowledged: acknowledged.size, found: acknowledged.size, missing: [], wrongVersion: [], duplicated: [] });

    // A client that got no answer cannot know whether its write happened; retrying under the same key is safe.
    const committedUnanswered = (await recordedCounts(query, unanswered)).size;
    for (const id of unanswered) {
      const n = Number(id.split('-').at(-1));
      const retry = await recordStatement(service.url, KEYS.editor, refs, ledger, id, n);
      expect(answered(retry) && retry.status).toBe(201);
    }
    const counts = await recordedCounts(query, sent);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(acknowledged.size + unanswered.length);
    const [{ n: recordedInAll }] = await query(`SELECT count(*)::int AS n FROM events WHERE type = 'StatementRecorded'`);
    expect(recordedInAll).toBe(counts.size);

    const rebuild = await compareWithRebuild(service.url, KEYS.admin, query);
    expect(rebuild.rebuilt).toEqual(expect.arrayContaining(['statement_versions']));
    expect(rebuild).toMatchObject({ differing: [], uncovered: [] });

    process.stdout.write(`crash during load: ${sent.length} writes sent, ${acknowledged.size} acknowledged, `
      + `${audit.found} of them found after restart, ${audit.duplicated.length} duplicated; ${unanswered.length} unanswered at the kill `
      + `(${committedUnanswered} had committed), all retried under their key: each recorded once; read models = rebuild over ${rebuild.rebuilt.length} tables\n`);
  });
});
