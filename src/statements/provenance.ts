import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Upcaster } from '../event-store/upcasting.js';
import { LocatorRules, MAX_LOCATOR_LENGTH, Nullable, SourceIdRules } from './statement-fields.validation.js';

/**
 * Provenance of a statement or a claim (v1.1): `reportedIn`, the publication through which the record is
 * known when `sourceId` is the original occasion, and `locator`, where in it. Both optional, on record
 * and in corrections (where null removes them); the same rules for statements and claims.
 */
export const ReportedInProperty = () => applyDecorators(
  ApiPropertyOptional({ type: String, nullable: true, example: 'article-zelensky-willing-to-negotiate-with-putin',
    description: 'A registered source: the publication through which this is known, when sourceId is the original occasion; '
      + 'in a correction, null removes it' }),
  Nullable(), SourceIdRules());

export const LocatorProperty = () => applyDecorators(
  ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_LOCATOR_LENGTH, example: 'paragraph 3',
    description: 'Where in the source or publication: a timestamp, a paragraph; in a correction, null removes it' }),
  Nullable(), LocatorRules());

/** Version 1 -> 2 of a record's first event: written before provenance, it named no publication and no place in it. */
export const provenanceAdded = (type: string): Upcaster => ({
  type, from: 1, upcast: (data) => ({ ...data, reportedIn: null, locator: null }),
});

/** Version 1 -> 2 of a correction: version 2 lets one set reportedIn and locator; a version-1 correction set neither, so it stands. */
export const provenanceCorrectable = (type: string): Upcaster => ({ type, from: 1, upcast: (data) => data });
