import type { AddressInfo } from 'node:net';
import type { SseMessage } from './sse-client.js';
import { auth, startTestApp, type TestApp } from './test-app.js';

export type LogItem = {
  position: number; streamId: string; version: number; type: string; schemaVersion: number; data: Record<string, unknown>; recordedAt: string;
};

/** A running app listening on a port of its own, as SSE clients need a real socket. */
export async function listening(env: Record<string, string> = {}): Promise<{ t: TestApp; url: string }> {
  const t = await startTestApp(env);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, url: `http://127.0.0.1:${port}` };
}

/** Every event after `after`, as GET /v1/events pages them. */
export async function wholeLog(t: TestApp, after = 0): Promise<LogItem[]> {
  const items: LogItem[] = [];
  for (;;) {
    const page = (await t.http.get('/v1/events').query({ after, limit: 500 }).expect(200)).body as { items: LogItem[]; next: number };
    items.push(...page.items);
    if (page.items.length < 500) return items;
    after = page.next;
  }
}

/** Registers `count` actors through the API, `concurrency` writers at a time: one event each. */
export async function registerActors(t: TestApp, prefix: string, count: number, concurrency = 1): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < count; i = next++) {
      await t.http.post('/v1/actors').set(auth('editor')).send({ id: `${prefix}-${i}`, name: `Actor ${i}`, kind: 'person' }).expect(201);
    }
  }));
}

/** Waits for a condition of the service's state; the guard only turns a hang into a readable failure. */
export async function until(condition: () => boolean, guardMs = 10_000): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((r) => setTimeout(r, 5))) {
    if (Date.now() - started > guardMs) throw new Error('condition not reached');
  }
}

export const positions = (messages: readonly SseMessage[]) => messages.map((m) => Number(m.id));
