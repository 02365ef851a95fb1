import { createHash } from 'node:crypto';

/**
 * A fixed SQL text that node-postgres prepares once per pooled connection, under a name, and then only
 * binds and executes: the server parses and plans it once per connection instead of on every call (the
 * write path's statements run on every POST). Only for texts that never vary with input, since each
 * distinct text stays prepared on every connection. The name is derived from the text, so a changed text
 * (another column, a new function signature) is a new statement, never an old plan under the old name.
 *
 * TypeORM's `query(sql, parameters)` hands `sql` to pg's `client.query` unchanged, and pg takes a
 * `{ name, text }` config there (and copies it before adding the values), hence the cast: pass the
 * result where TypeORM wants the SQL string. A text put together per call (an append with its read
 * model, see EventStore; the stance and grid reads) is hashed once: the configs are kept, as few as the
 * texts prepared.
 */
export function prepared(text: string): string {
  let config = configs.get(text);
  if (!config) {
    config = { name: `sl_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`, text };
    configs.set(text, config);
  }
  return config as unknown as string;
}

const configs = new Map<string, { name: string; text: string }>();
