import { auditStatements, compareWithRebuild, recordedCounts, type Query } from '../../tools/soak/consistency.js';
import { answered, attempt, isSuccess } from '../../tools/soak/http.js';
import { recordStatement, registerReferences, statementBody, StatementLedger, type References } from '../../tools/soak/workload.js';
import { exited, startService, type ServiceProcess } from '../support/service-process.js';
import { KEYS } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const WORKERS = 12;

/**
 * The scale-out story: stateless service processes in front of one PostgreSQL. Two of them take writes
 * at once; what one acknowledges the other reads at once; concurrency control (If-Match, idempotency)
 * holds across them because it lives in the database; when one dies the other goes on; and the read
 * models they wrote together equal a rebuild from the log.
 */
describe('two service processes on one database', () => {
  let db: TestDatabase;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let refs: References;
  let query: Query;
  const ledger = new StatementLedger();
  const figures: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 2 });
    query = (sql, params) => db.dataSource.query(sql, params);
    const env = { DATABASE_URL: db.url, API_KEYS: `${KEYS.editor}:editor,${KEYS.admin}:admin`, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn' };
    [a, b] = await Promise.all([startService(env), startService(env)]);
    refs = await registerReferences(a.url, KEYS.editor, 'scale');
  });
  afterAll(async () => {
    process.stdout.write(`two instances: ${figures.join('; ')}\n`);
    await Promise.all([a?.stop(), b?.stop()]);
    await db.drop();
  });

  it('take writes at once, and each answers a read of what the other just acknowledged', async () => {
    const staleReads: string[] = [];
    let n = 0;
    await Promise.all(Array.from({ length: WORKERS }, async (_, w) => {
      for (let i = 0; i < 30; i++) {
        const [writer, reader] = (w + i) % 2 === 0 ? [a, b] : [b, a];
        const id = `scale-w${w}-${i}`;
        const written = await recordStatement(writer.url, KEYS.editor, refs, ledger, id, n++);
        if (!isSuccess(written)) continue;
        const read = await attempt(reader.url, 'GET', `/v1/statements/${id}`);
        if (!answered(read) || read.status !== 200) staleReads.push(id);
      }
    }));
    expect(ledger.refused).toEqual([]);
    expect(ledger.unanswered.size).toBe(0);
    expect(staleReads).toEqual([]);
    figures.push(`${ledger.acknowledged.size} writes through both, each read back at once through the other`);
  });

  it('let exactly one of two corrections of the same version win, whichever instance each reaches', async () => {
    const ids = [...ledger.acknowledged.keys()].slice(0, 10);
    const outcomes = await Promise.all(ids.map(async (id) => {
      const correct = (service: ServiceProcess, summary: string) => attempt(service.url, 'POST', `/v1/statements/${id}/corrections`, {
        key: KEYS.editor, headers: { 'If-Match': '"1"' }, body: { changes: { summary }, reason: 'rival editors' },
      });
      const both = await Promise.all([correct(a, 'as corrected through a'), correct(b, 'as corrected through b')]);
      if (both.some(isSuccess)) ledger.acknowledged.set(id, 2);
      return both.map((o) => (answered(o) ? o.status : 0)).sort();
    }));
    expect(outcomes).toEqual(ids.map(() => [200, 412]));
    figures.push(`${ids.length} pairs of rival corrections: one 200 and one 412 each`);
  });

  it('record a request sent to both with the same Idempotency-Key once, and answer both alike', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `scale-twice-${i}`);
    for (const [i, id] of ids.entries()) {
      const send = (service: ServiceProcess) => attempt(service.url, 'POST', '/v1/statements', {
        key: KEYS.editor, body: statementBody(refs, id, i), headers: { 'Idempotency-Key': `twice-${id}` },
      });
      const [fromA, fromB] = await Promise.all([send(a), send(b)]);
      expect([answered(fromA) && fromA.status, answered(fromB) && fromB.status]).toEqual([201, 201]);
      if (answered(fromA) && answered(fromB)) expect(fromA.body).toEqual(fromB.body);
    }
    expect([...(await recordedCounts(query, ids)).values()]).toEqual(ids.map(() => 1));
    figures.push(`${ids.length} requests sent to both under one key: recorded once, same answer from each`);
  });

  it('when one dies mid-load, the other goes on without an error, and nothing acknowledged is lost', async () => {
    const survivorErrors: unknown[] = [];
    let killed = false;
    let afterKill = 0;
    let n = 1_000;
    await Promise.all(Array.from({ length: WORKERS }, async (_, w) => {
      const service = w % 2 === 0 ? a : b;
      for (let i = 0; service === b ? afterKill < 200 : !killed; i++) {
        const outcome = await recordStatement(service.url, KEYS.editor, refs, ledger, `scale-kill-w${w}-${i}`, n++);
        if (service === b && !isSuccess(outcome)) survivorErrors.push(outcome);
        if (service === b && killed) afterKill++;
        if (!killed && ledger.acknowledged.size >= 500) {
          killed = true;
          a.child.kill('SIGKILL');
        }
      }
    }));
    await exited(a);
    expect(survivorErrors).toEqual([]);
    const audit = await auditStatements(b.url, query, ledger.acknowledged);
    expect(audit).toMatchObject({ found: ledger.acknowledged.size, missing: [], wrongVersion: [], duplicated: [] });
    figures.push(`after SIGKILL of one, the other answered ${afterKill} writes without an error; `
      + `${audit.found}/${audit.acknowledged} acknowledged writes found, ${ledger.unanswered.size} unanswered at the kill`);
  });

  it('leave read models equal to a rebuild from the log', async () => {
    const rebuild = await compareWithRebuild(b.url, KEYS.admin, query);
    expect(rebuild.rebuilt.length).toBeGreaterThan(0);
    expect(rebuild).toMatchObject({ differing: [], uncovered: [] });
    figures.push(`read models = rebuild (${rebuild.rebuilt.length} tables)`);
  });
});
