import type { HistoryEvent, HistorySize } from './history-size.js';
import { Random } from './random.js';
import { sentence, slugWord } from './vocabulary.js';

export interface Registries {
  readonly actorIds: string[];
  /** Topic ids, roots first, every parent before its subtopics. */
  readonly topicIds: string[];
  /** Indexes into topicIds of the topics statements are about (the two lower levels of the tree). */
  readonly statementTopics: number[];
  readonly sourceIds: string[];
  readonly events: HistoryEvent[];
}

const ACTOR_KINDS = ['person', 'person', 'person', 'person', 'person', 'person', 'person', 'organization', 'organization', 'state'];
const SOURCE_KINDS = ['interview', 'press_conference', 'speech', 'decree', 'article', 'social_post', 'other'];
const ROLE_TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Member of Parliament', 'Party Leader', 'Mayor', 'Envoy'];

export const probeActorId = (k: number) => `probe-actor-${String(k).padStart(2, '0')}`;

/** Actors (probe actors first), a topic tree and sources, as the events that register them. */
export function makeRegistries(size: HistorySize, seed = 1): Registries {
  const random = new Random(seed);
  const events: HistoryEvent[] = [];
  const actorIds: string[] = [];
  for (let i = 0; i < size.actors; i++) {
    const id = i < size.probeActors ? probeActorId(i) : `actor-${String(i).padStart(5, '0')}-${slugWord(random)}`;
    actorIds.push(id);
    const roles = Array.from({ length: random.int(0, 2) }, () => {
      const from = randomDay(random, 2000, 2020);
      const to = random.chance(0.6) ? randomDay(random, 2021, 2025) : undefined;
      return { title: random.pick(ROLE_TITLES), from, ...(to ? { to } : {}) };
    });
    const aliases = Array.from({ length: random.int(0, 2) }, (_, n) => `${slugWord(random)} ${i}-${n}`);
    events.push({ streamId: `actor-${id}`, version: 1, type: 'ActorRegistered',
      data: { id, name: `Actor ${i} ${sentence(random, 5, 20).slice(0, -1)}`, kind: random.pick(ACTOR_KINDS), aliases, roles } });
  }

  const topicIds: string[] = [];
  const statementTopics: number[] = [];
  const define = (id: string, parentId: string | null) => {
    topicIds.push(id);
    events.push({ streamId: `topic-${id}`, version: 1, type: 'TopicDefined',
      data: { id, parentId, title: sentence(random, 10, 40).slice(0, -1), proposition: sentence(random, 40, 120) } });
  };
  for (let r = 0; r < size.topicRoots; r++) {
    const root = `${slugWord(random)}-${r}`;
    define(root, null);
    for (let c = 0; c < 5; c++) {
      const child = `${root}/${slugWord(random)}-${c}`;
      statementTopics.push(topicIds.length);
      define(child, root);
      for (let g = 0; g < 4; g++) {
        statementTopics.push(topicIds.length);
        define(`${child}/${slugWord(random)}-${g}`, child);
      }
    }
  }

  const sourceIds: string[] = [];
  for (let i = 0; i < size.sources; i++) {
    const id = `source-${String(i).padStart(5, '0')}`;
    sourceIds.push(id);
    events.push({ streamId: `source-${id}`, version: 1, type: 'SourceRegistered', data: {
      id, kind: random.pick(SOURCE_KINDS), title: sentence(random, 20, 80).slice(0, -1),
      ...(random.chance(0.7) ? { publisher: `Outlet ${random.int(1, 300)}` } : {}),
      ...(random.chance(0.5) ? { url: `https://news.example.org/${id}` } : {}),
      ...(random.chance(0.8) ? { publishedAt: randomDay(random, 2015, 2025) } : {}),
    } });
  }
  return { actorIds, topicIds, statementTopics, sourceIds, events };
}

/** A day between the start of `fromYear` and the end of `toYear` (no later than mid-2025). */
export function randomDay(random: Random, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Math.min(Date.UTC(toYear, 11, 31), Date.UTC(2025, 5, 30));
  return new Date(start + Math.floor(random.next() * ((end - start) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}
