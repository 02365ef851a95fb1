import { DomainError } from '../common/domain-error.js';

/** One value of a read parameter (or path id) that names nothing recorded, with the likeliest ids meant. */
export type UnknownName = {
  readonly field: string;
  readonly value: string;
  readonly message: string;
  readonly suggestions: string[];
};

/**
 * A read names something that does not exist: 404, never an empty success (the reader would conclude the
 * person said nothing). Same problem type as an unknown reference in a write (422 there: the body is the
 * problem); each unknown value is listed with its suggestions.
 */
export class UnknownNameError extends DomainError {
  readonly code = 'unknown-reference';
  readonly status = 404;
  readonly title = 'Unknown name';
  declare readonly errors: UnknownName[];

  constructor(unknown: UnknownName[]) {
    super(unknown.map(describe).join('; '), unknown);
  }
}

/** "No actor zelenksy; did you mean volodymyr-zelensky?": the message and its suggestions in one line. */
export function describe(name: UnknownName): string {
  return name.suggestions.length === 0 ? name.message : `${name.message}; did you mean ${name.suggestions.join(', ')}?`;
}

/** The 404 of an unknown name as the OpenAPI document shows it. */
export const UNKNOWN_NAME_RESPONSE = {
  'application/problem+json': {
    schema: { $ref: '#/components/schemas/Problem' },
    example: {
      type: 'https://stanceline.dev/problems/unknown-reference', title: 'Unknown name', status: 404,
      detail: 'No actor "zelenksy"; did you mean volodymyr-zelensky?',
      errors: [{ field: 'actor', value: 'zelenksy', message: 'No actor "zelenksy"', suggestions: ['volodymyr-zelensky'] }],
    },
  },
};
