import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const MAX_CURSOR_LENGTH = 8192;
const SIGNATURE_BYTES = 16;

/**
 * Opaque page cursors: base64url JSON and an HMAC over it, so clients can neither build nor alter one.
 * Each kind of cursor derives its own key from the database's secret with a label, so a cursor of one
 * read can never pass for another's. `open` answers undefined for anything this service did not seal.
 */
export class SignedCursor {
  private readonly key: Buffer;

  constructor(secret: Buffer, label: string) {
    this.key = createHmac('sha256', secret).update(label).digest();
  }

  seal(data: object): string {
    const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  open(cursor: string): Record<string, unknown> | undefined {
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
}
