/** The HTTP API as the page uses it: same origin, JSON, with an API key when the service wants one for reads. */

export type Stance = 'strongly_oppose' | 'oppose' | 'neutral' | 'support' | 'strongly_support';

export interface Actor { id: string; name: string }
export interface Topic { id: string; parentId: string | null; title: string; proposition: string }

export interface ChangeMark {
  kind: 'conditions_changed' | 'shift' | 'reversal';
  flipOMeter: string;
  scoreDelta: number;
  orderUncertain: boolean;
  from: { id: string; stance: Stance; statedAt: string };
}

/** An item of GET /v1/timeline?format=vis: vis-timeline's fields and the statement's own. */
export interface TimelineItem {
  id: string;
  start: string;
  end?: string;
  type: 'point' | 'range';
  content: string;
  group: string;
  title: string;
  className: string;
  actorId: string;
  topicId: string;
  stance: Stance;
  stanceScore: number;
  statedAt: string;
  precision: 'day' | 'month' | 'year';
  statedStart: string;
  statedEnd: string;
  change?: ChangeMark;
}

export interface TimelineData {
  items: TimelineItem[];
  groups: { id: string; content: string }[];
}

export interface Statement {
  id: string;
  actorId: string;
  topicId: string;
  stance: Stance;
  stanceScore: number;
  conditions: string[];
  summary: string;
  quote: string | null;
  form: string;
  statedAt: string;
  precision: string;
  sourceId: string;
  recordedAt: string;
  corrections: number;
  source: Source | null;
  /** Provenance (v1.1): the publication through which the record is known, and where in the source. */
  reportedIn?: string | null;
  reportedInSource?: Source | null;
  locator?: string | null;
}

export interface Source { id: string; kind: string; title: string; publisher: string | null; url: string | null; publishedAt: string | null }

/** An item of `GET /v1/statements?q=`: the statement and its best fragment, `<mark>`ed (untrusted until checked). */
export interface SearchHit extends Statement { highlight: string }

/** `GET /v1/positions`: where each actor stands on each topic on a date. */
export interface Positions {
  topic: { id: string; title: string; proposition: string } | null;
  on: string;
  knownAt: string | null;
  topics: { id: string; title: string; proposition: string }[];
  actors: Actor[];
  cells: PositionCell[];
}

export interface PositionCell {
  actorId: string;
  topicId: string;
  stance: Stance;
  stanceScore: number;
  statementId: string;
  statedAt: string;
  uncertain: boolean;
}

export interface StatementHistory {
  id: string;
  retracted: boolean;
  versions: { version: number; event: { type: string; reason: string | null }; recordedFrom: string; statement: Statement }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const KEY_STORAGE = 'stanceline.apiKey';

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key: string): void {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export async function getJson<T>(path: string, query: Record<string, string | string[] | undefined> = {}): Promise<T> {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) url.searchParams.append(name, v);
  }
  const key = apiKey();
  const res = await fetch(url, { headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) } });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({})) as { detail?: string };
    throw new ApiError(res.status, problem.detail ?? `${res.status} ${res.statusText}`);
  }
  return res.json() as Promise<T>;
}

/** Every page of a paged collection (`{items, nextCursor}`), up to a bound the page needs no more than. */
export async function getAll<T>(path: string, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const body = await getJson<{ items: T[]; nextCursor: string | null }>(path, { limit: '500', cursor });
    items.push(...body.items);
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return items;
}
