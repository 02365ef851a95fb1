import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { NdjsonImporter } from '../src/import/ndjson-importer.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

type Cell = { actorId: string; topicId: string; stance: string; stanceScore: number; statementId: string; statedAt: string; uncertain: boolean };
type Grid = { topic: { id: string } | null; on: string; knownAt: string | null; topics: { id: string; title: string }[]; actors: { id: string; name: string }[]; cells: Cell[] };
type Stated = { id: string; topicId: string; statedStart: string; statedEnd: string; stance: string };

describe('GET /v1/positions: where everyone stands', () => {
  let t: TestApp;
  const editor = auth('editor');
  const grid = async (query: Record<string, unknown>): Promise<Grid> => (await t.http.get('/v1/positions').query(query).expect(200)).body;

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  describe('a small invented record', () => {
    const post = (path: string, body: object) => t.http.post(path).set(editor).send(body).expect(201);
    const say = (id: string, actorId: string, topicId: string, stance: string, statedAt: string) =>
      post('/v1/statements', { id, actorId, topicId, stance, statedAt, summary: id, form: 'paraphrase', sourceId: 'council-minutes' });
    let beforeLast: string;
    beforeAll(async () => {
      await post('/v1/actors', { id: 'ines-berg', name: 'Ines Berg', kind: 'person' });
      await post('/v1/actors', { id: 'aldo-voss', name: 'Aldo Voss', kind: 'person' });
      await post('/v1/actors', { id: 'quiet-person', name: 'Quiet Person', kind: 'person' });
      await post('/v1/topics', { id: 'tram', title: 'The tram', proposition: 'The city should build a tram' });
      await post('/v1/topics', { id: 'tram/route', title: 'Route', proposition: 'The tram should run along the river' });
      await post('/v1/topics', { id: 'tram/route/bridge', title: 'Bridge', proposition: 'The tram should cross a new bridge' });
      await post('/v1/topics', { id: 'tram/fares', title: 'Fares', proposition: 'The tram should be free' });
      await post('/v1/topics', { id: 'tram-museum', title: 'Tram museum', proposition: 'The old depot should become a museum' });
      await post('/v1/sources', { id: 'council-minutes', kind: 'decree', title: 'Council minutes' });
      await say('berg-route-jan', 'ines-berg', 'tram/route', 'support', '2024-01');
      await say('berg-route-year', 'ines-berg', 'tram/route', 'oppose', '2024');
      await say('berg-bridge', 'ines-berg', 'tram/route/bridge', 'strongly_support', '2023-05-02');
      await say('voss-fares-year', 'aldo-voss', 'tram/fares', 'oppose', '2024');
      await say('voss-tram', 'aldo-voss', 'tram', 'neutral', '2020');
      beforeLast = new Date().toISOString();
      await say('voss-museum', 'aldo-voss', 'tram-museum', 'support', '2021');
    });

    it('answers the grid of actors by topic and subtopics: standing cells, an uncertain cell, topics in tree order, actors by name', async () => {
      const answer = await grid({ topic: 'tram', on: '2024-06-15' });
      expect(answer).toMatchObject({ topic: { id: 'tram', title: 'The tram', proposition: 'The city should build a tram' }, on: '2024-06-15', knownAt: null });
      expect(answer.topics.map((x) => x.id)).toEqual(['tram', 'tram/fares', 'tram/route', 'tram/route/bridge']);
      expect(answer.actors).toEqual([{ id: 'aldo-voss', name: 'Aldo Voss' }, { id: 'ines-berg', name: 'Ines Berg' }]);
      const cells = answer.cells.map((c) => [c.actorId, c.topicId, c.statementId, c.stance, c.uncertain]);
      expect(cells).toEqual(expect.arrayContaining([
        ['aldo-voss', 'tram', 'voss-tram', 'neutral', false],
        // Said some time in 2024: it may come after 2024-06-15, so it is uncertain, not standing.
        ['aldo-voss', 'tram/fares', 'voss-fares-year', 'oppose', true],
        // The January statement stands; the year-long one may be later, but something stands, so it is not a cell.
        ['ines-berg', 'tram/route', 'berg-route-jan', 'support', false],
        ['ines-berg', 'tram/route/bridge', 'berg-bridge', 'strongly_support', false],
      ]));
      expect(cells).toHaveLength(4);
    });

    it('writes CSV: a header actor then one column per topic id, one row per actor, ? after an uncertain stance', async () => {
      const res = await t.http.get('/v1/positions').query({ topic: 'tram', on: '2024-06-15', format: 'csv' }).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.text).toBe('actor,tram,tram/fares,tram/route,tram/route/bridge\r\n'
        + 'aldo-voss,neutral,oppose?,,\r\n'
        + 'ines-berg,,,support,strongly_support\r\n');
    });

    it('lists the actors asked for, even one without a cell, and only their cells', async () => {
      const answer = await grid({ topic: 'tram', on: '2024-06-15', actor: ['quiet-person', 'ines-berg'] });
      expect(answer.actors.map((a) => a.id)).toEqual(['ines-berg', 'quiet-person']);
      expect(new Set(answer.cells.map((c) => c.actorId))).toEqual(new Set(['ines-berg']));
      const csv = (await t.http.get('/v1/positions').query({ topic: 'tram', on: '2024-06-15', actor: ['quiet-person', 'ines-berg'], format: 'csv' })).text;
      expect(csv.split('\r\n')[2]).toBe('quiet-person,,');
    });

    it('covers every topic without `topic`, never a sibling sharing a prefix with it, and answers as of knownAt', async () => {
      expect((await grid({ on: '2024-12-31' })).topics.map((x) => x.id)).toEqual(['tram', 'tram/fares', 'tram/route', 'tram/route/bridge', 'tram-museum']);
      expect((await grid({ topic: 'tram', on: '2024-12-31' })).topics.map((x) => x.id)).not.toContain('tram-museum');
      const then = await grid({ on: '2024-12-31', knownAt: beforeLast });
      expect(then.knownAt).toBe(beforeLast);
      expect(then.topics.map((x) => x.id)).not.toContain('tram-museum');
    });

    it('answers a date before anything was said with an empty grid (200), and today by default', async () => {
      expect(await grid({ topic: 'tram', on: '2019' })).toMatchObject({ topics: [], actors: [], cells: [] });
      expect((await grid({ topic: 'tram' })).on).toBe(new Date().toISOString().slice(0, 10));
    });
  });

  it('agrees cell by cell with /v1/stance for every actor and subtopic over a generated history of thousands of statements', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'positions-'));
    try {
      const ACTORS = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6'];
      const TOPICS = ['grid', 'grid/a', 'grid/a/x', 'grid/a/y', 'grid/b', 'grid/b/x', 'grid/c'];
      const stances = ['strongly_oppose', 'oppose', 'neutral', 'support', 'strongly_support'];
      const date = fc.oneof(
        fc.integer({ min: 2019, max: 2024 }).map(String),
        fc.record({ y: fc.integer({ min: 2019, max: 2024 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
        fc.record({ y: fc.integer({ min: 2019, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
          .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      );
      const history = fc.sample(fc.record({
        actorId: fc.constantFrom(...ACTORS), topicId: fc.constantFrom(...TOPICS), stance: fc.constantFrom(...stances), statedAt: date,
      }), { numRuns: 3000, seed: 1764300000 });
      const lines = [
        ...ACTORS.map((id) => ({ actor: { id, name: `Person ${id}`, kind: 'person' } })),
        ...TOPICS.map((id) => ({ topic: { id, title: id, proposition: `On ${id}` } })),
        { source: { id: 'generated', kind: 'other', title: 'Generated' } },
        ...history.map((s, i) => ({ statement: { id: `g-${i}`, ...s, summary: `generated ${i}`, form: 'paraphrase', sourceId: 'generated' } })),
      ];
      const file = join(directory, 'history.ndjson');
      await writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
      const report = await t.app.get(NdjsonImporter).importFile(file);
      expect(report.failed).toEqual([]);

      await fc.assert(fc.asyncProperty(date, async (on) => {
        const answer = await grid({ topic: 'grid', on });
        for (const actorId of ACTORS) {
          const stance = (await t.http.get('/v1/stance').query({ actor: actorId, topic: 'grid', on }).expect(200)).body as {
            standing: { topicId: string; statement: Stated }[]; uncertain: Stated[];
          };
          const cells = answer.cells.filter((c) => c.actorId === actorId);
          const standing = cells.filter((c) => !c.uncertain).map((c) => [c.topicId, c.statementId]);
          expect(standing.sort()).toEqual(stance.standing.map((s) => [s.topicId, s.statement.id]).sort());
          // Where nothing stands: the latest statement whose partial date covers `on`, by its last then first day.
          const stands = new Set(stance.standing.map((s) => s.topicId));
          for (const topicId of TOPICS.filter((id) => !stands.has(id))) {
            const covering = stance.uncertain.filter((s) => s.topicId === topicId);
            const cell = cells.find((c) => c.topicId === topicId);
            if (covering.length === 0) {
              expect(cell).toBeUndefined();
              continue;
            }
            const latest = (s: Stated) => `${s.statedEnd}${s.statedStart}`;
            const best = covering.map(latest).sort().at(-1);
            expect(cell).toMatchObject({ uncertain: true });
            expect(covering.filter((s) => latest(s) === best).map((s) => s.id)).toContain(cell!.statementId);
          }
        }
      }), { numRuns: 12, seed: 1764300001 });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 180_000);
});
