import type { DomainEvent } from '../event-store/recorded-event.js';

/** What a position is about; `proposition` is the sentence a stance supports or opposes. */
export interface Topic {
  id: string;
  /** Derived from the id; kept in the event so the log reads without the path rules. */
  parentId: string | null;
  title: string;
  proposition: string;
}

export type TopicDefined = DomainEvent<'TopicDefined', Topic>;
export type TopicEvent = TopicDefined;

export const topicStream = (id: string) => `topic-${id}`;
