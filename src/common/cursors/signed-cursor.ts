import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputError } from '../domain-error.js';

const MAX_CURSOR_LENGTH = 8192;
const SIGNATURE_BYTES = 16;

/** The one answer to a cursor this service did not give out for this very query. */
export const BAD_CURSOR = 'cursor is not a nextCursor this service gave for this query: send it with the same parameters as the first page';

/**
 * The page cursor of every paged read: base64url JSON and an HMAC over it, so clients can neither build
 * nor alter one. Each read derives its own key from the database's secret with a label (one per order of
 * a list), and each cursor carries the digest of the query it continues, so a cursor of one read, order
 * or query never passes for another's. Anything else is the same 400 naming `cursor`.
 */
export class SignedCursor {
  private readonly key: Buffer;

  constructor(secret: Buffer, label: string) {
    this.key = createHmac('sha256', secret).update(label).digest();
  }

  seal(query: string, position: object): string {
    const payload = Buffer.from(JSON.stringify({ ...position, q: query })).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  /** The position sealed in `cursor` for `query`, as `read` takes it apart (undefined: not well formed). */
  open<T>(cursor: string, query: string, read: (position: Record<string, unknown>) => T | undefined): T {
    const data = this.verify(cursor);
    // Signed by us, so well formed; `read` checks anyway so that a leaked key cannot turn into a 500.
    const position = data?.q === query ? read(data) : undefined;
    if (position === undefined) throw new InvalidInputError('cursor', BAD_CURSOR);
    return position;
  }

  private verify(cursor: string): Record<string, unknown> | undefined {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, this.sign(payload))) return undefined;
    try {
      const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, SIGNATURE_BYTES);
  }
}

/** A short digest of the filters a cursor belongs to; equal filters in any order give equal digests. */
export function queryDigest(filters: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(filters).sort().map((k) => [k, filters[k] ?? null]));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/**
 * The database's cursor secret (made once by migration 1764100000002), so cursors outlive restarts and
 * work on every instance. Loaded on first use; a failed load (database down) is not cached.
 */
@Injectable()
export class CursorSecret {
  private secret?: Promise<Buffer>;

  constructor(private readonly dataSource: DataSource) {}

  get(): Promise<Buffer> {
    this.secret ??= this.dataSource.query(`SELECT secret FROM cursor_keys WHERE name = 'timeline'`)
      .then(([row]: { secret: Buffer }[]) => {
        if (!row) throw new Error('cursor_keys has no timeline key: migration 1764100000002 did not run');
        return row.secret;
      });
    this.secret.catch(() => { this.secret = undefined; });
    return this.secret;
  }

  /** The cursor codec of one read (or one order of a list). */
  async cursor(label: string): Promise<SignedCursor> {
    return new SignedCursor(await this.get(), label);
  }
}
