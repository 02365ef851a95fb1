import type { DomainEvent } from '../event-store/recorded-event.js';

export const SOURCE_KINDS = ['interview', 'press_conference', 'speech', 'decree', 'article', 'social_post', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where something was said. Optional fields are absent from the event when the editor did not give them. */
export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  publisher?: string;
  url?: string;
  /** A partial date (`2025-02-04`, `2025-02`, `2025`): many sources are known only to the month or year. */
  publishedAt?: string;
}

export type SourceRegistered = DomainEvent<'SourceRegistered', Source>;
export type SourceEvent = SourceRegistered;

export const sourceStream = (id: string) => `source-${id}`;
