import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../common/domain-error.js';
import { MAX_ID_LENGTH, SLUG, UUID } from '../common/validators.js';

/**
 * A path id that no statement can have (not a slug nor a UUID) names no statement: 404, answered before
 * it reaches a stream name or a query.
 */
@Injectable()
export class StatementIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > MAX_ID_LENGTH || !(SLUG.test(value) || UUID.test(value))) {
      throw new NotFoundError('No statement has this id: statement ids are slugs or UUIDs');
    }
    return value;
  }
}
