import { EventStore1764100000000 } from './1764100000000-event-store.js';
import { Registries1764100000001 } from './1764100000001-registries.js';

/** Every migration, in order. Listed rather than globbed so the compiled ESM build needs no file scan. */
export const MIGRATIONS = [EventStore1764100000000, Registries1764100000001];
