import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './domain-error.js';
import { isName, MAX_NAME_LENGTH } from './validators.js';

/**
 * A path id is a name like any other: whatever its form it is looked up (an unknown one is a 404 with
 * suggestions), unless it is over-long or holds control characters: 400, before it reaches a query.
 */
@Injectable()
export class NameParamPipe implements PipeTransform<string | string[], string> {
  transform(value: string | string[]): string {
    // A wildcard route (topic paths) hands the id over as its segments.
    const id = Array.isArray(value) ? value.join('/') : value;
    if (!isName(id)) throw new InvalidInputError('id', `id must be 1 to ${MAX_NAME_LENGTH} characters without control characters`);
    return id;
  }
}
