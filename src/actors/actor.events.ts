import type { DomainEvent } from '../event-store/recorded-event.js';

export const ACTOR_KINDS = ['person', 'organization', 'state'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** A role held over a period, so a title can be checked against the date something was said. */
export interface ActorRole {
  title: string;
  from: string;
  to?: string;
}

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: ActorRole[];
}

export type ActorRegistered = DomainEvent<'ActorRegistered', Actor>;
export type ActorEvent = ActorRegistered;

export const actorStream = (id: string) => `actor-${id}`;
