import { AsyncLocalStorage } from 'node:async_hooks';
import type { WalPosition } from './wal-position.js';

/**
 * What the request being served asks of the server that answers its reads, carried through the
 * request's async calls so that read services need not pass it along:
 * - `floor`: the server must have replayed at least this far (a consistency token, a cursor's first page);
 * - `primaryOnly`: only the primary will do (a `knownAt` read, a cursor that carries no floor).
 */
export interface ReadDemand {
  floor?: WalPosition;
  primaryOnly: boolean;
  /** A `cursor` came with the request; cleared when a cursor codec reads the floor it carries. */
  cursorWithoutFloor: boolean;
}

const storage = new AsyncLocalStorage<ReadDemand>();

export const ReadDemands = {
  run<T>(demand: ReadDemand, work: () => T): T {
    return storage.run(demand, work);
  },

  current(): ReadDemand | undefined {
    return storage.getStore();
  },

  /** A cursor's later pages must come from a server that has replayed as far as its first page's did. */
  continueCursorFrom(floor: WalPosition | undefined): void {
    const demand = storage.getStore();
    if (!demand || floor === undefined) return;
    demand.floor = demand.floor === undefined || floor > demand.floor ? floor : demand.floor;
    demand.cursorWithoutFloor = false;
  },
};
