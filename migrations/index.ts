import { EventStore1764100000000 } from './1764100000000-event-store.js';
import { Registries1764100000001 } from './1764100000001-registries.js';
import { StatementVersions1764100000002 } from './1764100000002-statement-versions.js';
import { Claims1764100000003 } from './1764100000003-claims.js';
import { LeanAppend1764100000004 } from './1764100000004-lean-append.js';
import { DropSupersededAppend1764200000000 } from './1764200000000-drop-superseded-append.js';
import { NamesAndSearch1764300000000 } from './1764300000000-names-and-search.js';
import { Provenance1764400000000 } from './1764400000000-provenance.js';
import { ImportLog1764600000000 } from './1764600000000-import-log.js';
import { SearchProvenance1764800000000 } from './1764800000000-search-provenance.js';

/** Every migration, in order. Listed rather than globbed so the compiled ESM build needs no file scan. */
export const MIGRATIONS = [EventStore1764100000000, Registries1764100000001, StatementVersions1764100000002, Claims1764100000003, LeanAppend1764100000004,
  DropSupersededAppend1764200000000, NamesAndSearch1764300000000, Provenance1764400000000, ImportLog1764600000000,
  SearchProvenance1764800000000];
