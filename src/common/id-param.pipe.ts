import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from './domain-error.js';
import { MAX_ID_LENGTH, SLUG, UUID } from './validators.js';

/**
 * A path id that no record can have names no record: 404, answered before the id reaches a stream name
 * or a query (a NUL byte would otherwise come back from PostgreSQL as an error).
 */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  constructor(private readonly noun: string, private readonly allowUuid = false) {}

  transform(value: string): string {
    const wellFormed = typeof value === 'string' && value.length <= MAX_ID_LENGTH && (SLUG.test(value) || (this.allowUuid && UUID.test(value)));
    if (!wellFormed) throw new NotFoundError(`No ${this.noun} has this id: ${this.noun} ids are slugs${this.allowUuid ? ' or UUIDs' : ''}`);
    return value;
  }
}
