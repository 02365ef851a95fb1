import type { Projection } from '../../src/event-store/inline-projections/projection.js';

/** The same projection, except that its `failAt`-th call throws, like a process dying half-way. */
export function failingOnce(projection: Projection, failAt: number): Projection {
  let calls = 0;
  return {
    name: projection.name, handles: projection.handles, tables: projection.tables, readsOwnStreamsOnly: projection.readsOwnStreamsOnly,
    apply: (events, db) => (++calls === failAt ? Promise.reject(new Error('projector killed')) : projection.apply(events, db)),
  };
}
