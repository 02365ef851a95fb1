import { EventFanOut } from '../src/events/event-stream/event-fan-out.js';
import { EventStreamSettings } from '../src/events/event-stream/event-stream.settings.js';
import { EventLogReader } from '../src/event-store/event-log-reader.js';
import { listening, positions, registerActors, until, wholeLog, type LogItem } from './support/event-log-fixtures.js';
import { SseClient, type SseMessage } from './support/sse-client.js';
import { auth, KEYS, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';

describe('the event log for consumers', () => {
  let t: TestApp;
  let url: string;
  const clients: SseClient[] = [];
  const open = async (path: string, headers: Record<string, string> = {}) => {
    const client = await SseClient.open(`${url}${path}`, headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    ({ t, url } = await listening());
    await registerActors(t, 'seed-actor', 12);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.drop()));
  afterAll(() => t.close());

  describe('GET /v1/events', () => {
    it('pages through the whole log in order, each event once, resuming after `next`', async () => {
      const seen: LogItem[] = [];
      let after = 0;
      for (let page = 0; page < 20; page++) {
        const body = (await t.http.get('/v1/events').query({ after, limit: 5 }).expect(200)).body as { items: LogItem[]; next: number };
        seen.push(...body.items);
        expect(body.next).toBe(body.items.at(-1)?.position ?? after);
        if (body.items.length < 5) break;
        after = body.next;
      }
      expect(seen).toHaveLength(await t.eventCount());
      expect(new Set(seen.map((e) => e.position)).size).toBe(seen.length);
      expect(seen[0]).toEqual({
        position: expect.any(Number), streamId: 'actor-seed-actor-0', version: 1, type: 'ActorRegistered', schemaVersion: 1,
        data: { id: 'seed-actor-0', name: 'Actor 0', kind: 'person', aliases: [], roles: [] }, recordedAt: expect.stringMatching(/Z$/),
      });
    });

    it('answers an empty page at the end, with next still the position sent', async () => {
      const last = (await wholeLog(t)).at(-1)!.position;
      expect((await t.http.get('/v1/events').query({ after: last }).expect(200)).body).toEqual({ items: [], next: last });
    });

    it.each([
      [{ after: '99999999' }, 'after'], [{ after: 'abc' }, 'after'], [{ after: '-1' }, 'after'],
      [{ limit: '0' }, 'limit'], [{ limit: '501' }, 'limit'], [{ key: KEYS.reader }, 'key'],
    ])('refuses %j naming %s', async (query, field) => {
      const res = await t.http.get('/v1/events').query(query).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
    });
  });

  describe('GET /v1/events/stream', () => {
    it('streams the log from the start: id is the position, event the type, data the event as GET /v1/events gives it', async () => {
      const log = await wholeLog(t);
      const client = await open('/v1/events/stream');
      expect(client.status).toBe(200);
      expect(client.contentType).toMatch(/^text\/event-stream/);
      await client.waitFor((c) => c.messages.length >= log.length, 'the whole log');
      expect(client.messages.map((m) => [Number(m.id), m.event, JSON.parse(m.data)])).toEqual(log.map((e) => [e.position, e.type, e]));
    });

    it('with after=now sends nothing old, bookmarks the end of the log, then sends what is recorded next', async () => {
      const last = (await wholeLog(t)).at(-1)!.position;
      const client = await open('/v1/events/stream?after=now');
      await client.waitFor((c) => c.lastEventId !== '', 'the bookmark');
      expect(client.lastEventId).toBe(String(last));
      await registerActors(t, 'after-now', 1);
      await client.waitFor((c) => c.messages.length === 1, 'the new event');
      expect(JSON.parse(client.messages[0].data).data.id).toBe('after-now-0');
    });

    it('resumes right after Last-Event-ID, which wins over ?after=', async () => {
      const log = await wholeLog(t);
      const client = await open('/v1/events/stream?after=0', { 'Last-Event-ID': String(log[4].position) });
      await client.waitFor((c) => c.messages.length >= log.length - 5, 'the rest of the log');
      expect(positions(client.messages)).toEqual(log.slice(5).map((e) => e.position));
    });

    it.each([
      [{ 'Last-Event-ID': 'abc' }, '', 'Last-Event-ID'], [{ 'Last-Event-ID': '99999999' }, '', 'Last-Event-ID'],
      [{}, '?after=99999999', 'after'], [{}, '?after=soon', 'after'], [{}, '?limit=5', 'limit'],
    ])('refuses %j %s with a problem naming %s', async (headers, query, field) => {
      const client = await open(`/v1/events/stream${query}`, headers);
      await client.waitFor((c) => c.ended, 'the end of the refusal');
      expect(client.status).toBe(400);
      expect(fieldsOf(JSON.parse(client.body))).toContain(field);
    });

    it('sends heartbeats as comment lines', async () => {
      const settings = t.app.get(EventStreamSettings);
      const usual = settings.heartbeatMs;
      settings.heartbeatMs = 20;
      try {
        const client = await open('/v1/events/stream?after=now');
        await client.waitFor((c) => c.comments.filter((text) => text === 'heartbeat').length >= 2, 'two heartbeats');
        expect(client.messages).toEqual([]);
      } finally {
        settings.heartbeatMs = usual;
      }
    });

    it('loses and repeats nothing across 1,000 events written concurrently while the connection keeps dropping', async () => {
      const start = (await wholeLog(t)).at(-1)!.position;
      const received: SseMessage[] = [];
      const writing = registerActors(t, 'resume', 1000, 4);
      let client = await open(`/v1/events/stream?after=${start}`);
      for (let connection = 1; received.length < 1000; connection++) {
        // Drop after a different number of events each time, mid-burst; reconnect as a browser does.
        const quota = 90 + (connection * 37) % 120;
        await client.waitFor((c) => c.messages.length >= Math.min(quota, 1000 - received.length), `${quota} events on connection ${connection}`);
        received.push(...client.messages);
        client.drop();
        const resumeFrom = client.lastEventId;
        client = connection % 3 === 0 ? await open(`/v1/events/stream?after=${resumeFrom}`) : await open('/v1/events/stream', { 'Last-Event-ID': resumeFrom });
      }
      await writing;
      const expected = await wholeLog(t, start);
      expect(expected).toHaveLength(1000);
      expect(positions(received)).toEqual(expected.map((e) => e.position));
      // Nothing more is owed: the next event recorded is the next one the resumed stream sends.
      await registerActors(t, 'resume-after', 1);
      await client.waitFor((c) => c.messages.length >= 1, 'the event after the 1,000');
      expect(JSON.parse(client.messages[0].data).data.id).toBe('resume-after-0');
    }, 120_000);

    it('joins a client that has read past the reader into the live stream without sending anything twice', async () => {
      const settings = t.app.get(EventStreamSettings);
      const fanOut = t.app.get(EventFanOut);
      const usual = settings.pollMs;
      settings.pollMs = 600_000;
      try {
        // A running reader that has seen the whole log; it finishes the poll it is in, then sleeps until woken.
        const watcher = await open('/v1/events/stream?after=now');
        await watcher.waitFor((c) => c.lastEventId !== '', 'the bookmark');
        const reads = fanOut.counters.readerReads;
        fanOut.wake();
        await until(() => fanOut.counters.readerReads > reads);
        watcher.drop();
        // One event behind the reader's head, so this client has to read from the log before it may join.
        const start = (await wholeLog(t)).at(-2)!.position;
        await registerActors(t, 'past-reader', 30);
        // It reads its backlog and the 30 new events itself, beyond the reader's head, then joins the live set.
        const client = await open(`/v1/events/stream?after=${start}`);
        await client.waitFor((c) => c.messages.length >= 31, 'the backlog');
        await until(() => fanOut.liveConnections === 1);
        const woken = fanOut.counters.readerReads;
        fanOut.wake();
        await until(() => fanOut.counters.readerReads > woken);
        await registerActors(t, 'past-reader-live', 1);
        fanOut.wake();
        await client.waitFor((c) => c.messages.length >= 32, 'the live event');
        expect(positions(client.messages)).toEqual((await wholeLog(t, start)).map((e) => e.position));
      } finally {
        settings.pollMs = usual;
        t.app.get(EventFanOut).wake();
      }
    });

    it('keeps a client that stops reading off the live path, then catches it up from the log without loss or repeats', async () => {
      const settings = t.app.get(EventStreamSettings);
      const fanOut = t.app.get(EventFanOut);
      const usual = settings.highWaterBytes;
      // Any unsent byte counts as falling behind: every live event sends the client back to reading the log.
      settings.highWaterBytes = 0;
      try {
        const start = (await wholeLog(t)).at(-1)!.position;
        const catchUpsBefore = fanOut.counters.catchUpReads;
        const client = await open(`/v1/events/stream?after=${start}`);
        await registerActors(t, 'slow-reader', 150, 3);
        await client.waitFor((c) => c.messages.length >= 150, '150 events');
        expect(positions(client.messages)).toEqual((await wholeLog(t, start)).map((e) => e.position));
        expect(fanOut.counters.catchUpReads).toBeGreaterThan(catchUpsBefore);
      } finally {
        settings.highWaterBytes = usual;
      }
    }, 60_000);

    it('serves 100 concurrent clients from one database reader', async () => {
      const fanOut = t.app.get(EventFanOut);
      const reader = t.app.get(EventLogReader);
      const streams = await Promise.all(Array.from({ length: 100 }, () => open('/v1/events/stream?after=now')));
      await Promise.all(streams.map((c) => c.waitFor((s) => s.lastEventId !== '', 'the bookmark')));
      const liveBefore = fanOut.liveConnections;
      expect(liveBefore).toBeGreaterThanOrEqual(100);

      const start = (await wholeLog(t)).at(-1)!.position;
      const readAfter = reader.readAfter.bind(reader);
      let databaseReads = 0;
      reader.readAfter = (...args) => { databaseReads++; return readAfter(...args); };
      const before = { ...fanOut.counters };
      try {
        await registerActors(t, 'fan-out', 20);
        await Promise.all(streams.map((c) => c.waitFor((s) => s.messages.length >= 20, '20 events')));
      } finally {
        reader.readAfter = readAfter;
      }
      const after = { ...fanOut.counters };

      // Each client got exactly the log's 20 new events, in its order, as the log holds them.
      const logged = await wholeLog(t, start);
      expect(logged.map((e) => e.data.id)).toEqual(Array.from({ length: 20 }, (_, i) => `fan-out-${i}`));
      for (const client of streams) {
        expect(positions(client.messages)).toEqual(logged.map((e) => e.position));
        expect(client.messages.map((m) => JSON.parse(m.data))).toEqual(logged);
      }
      expect(after.liveDeliveries - before.liveDeliveries).toBeGreaterThanOrEqual(100 * 20);
      // Every read of the log in the meantime was the one reader's; no client read anything of its own.
      expect(after.catchUpReads - before.catchUpReads).toBe(0);
      expect(databaseReads).toBe(after.readerReads - before.readerReads);
      expect(databaseReads).toBeGreaterThan(0);
    }, 60_000);
  });
});

describe('the event stream when reads need a key', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => ({ t, url } = await listening({ READS_REQUIRE_KEY: 'true' })));
  afterAll(() => t.close());

  it('takes the key as ?key= on the stream only, where EventSource cannot send headers', async () => {
    const refused = await SseClient.open(`${url}/v1/events/stream`);
    await refused.waitFor((c) => c.ended, 'the refusal');
    expect(refused.status).toBe(401);

    const accepted = await SseClient.open(`${url}/v1/events/stream?after=0&key=${KEYS.reader}`);
    expect(accepted.status).toBe(200);
    accepted.drop();

    const wrongKey = await SseClient.open(`${url}/v1/events/stream?key=not-a-key-0123456789`);
    await wrongKey.waitFor((c) => c.ended, 'the refusal');
    expect(wrongKey.status).toBe(401);

    await t.http.get('/v1/events').query({ key: KEYS.reader }).expect(401);
    await t.http.get('/v1/events').set(auth('reader')).expect(200);
  });
});

describe('the event stream at shutdown', () => {
  it('ends every open stream, so closing the app does not wait on its clients', async () => {
    const { t, url } = await listening();
    await registerActors(t, 'shutdown', 3);
    const clients = await Promise.all([0, 1, 2].map(() => SseClient.open(`${url}/v1/events/stream`)));
    await Promise.all(clients.map((c) => c.waitFor((s) => s.messages.length === 3, 'the log')));
    await t.close();
    expect(clients.map((c) => c.ended)).toEqual([true, true, true]);
  });
});
