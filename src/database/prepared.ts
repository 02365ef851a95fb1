import { createHash } from 'node:crypto';

/**
 * A fixed SQL text that node-postgres prepares once per pooled connection, under a name, and then only
 * binds and executes: the server parses it once per connection instead of on every call (the write
 * path's statements run on every POST, the stance and grid reads on every answer), and from the sixth
 * call on plans it once too when its generic plan is estimated no dearer than the plans made for each
 * call's values. Only for texts that never vary with input values (a read may have a few shapes, each
 * its own text), since each distinct text stays prepared on every connection. The name is derived from
 * the text, so a changed text (another column, a new function signature) is a new statement, never an
 * old plan under the old name.
 *
 * TypeORM's `query(sql, parameters)` hands `sql` to pg's `client.query` unchanged, and pg takes a
 * `{ name, text }` config there (and copies it before adding the values), hence the cast: pass the
 * result where TypeORM wants the SQL string.
 */
export function prepared(text: string): string {
  let statement = named.get(text);
  if (!statement) {
    statement = { name: `sl_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`, text };
    named.set(text, statement);
  }
  return statement as unknown as string;
}

// The reads build their text per call: hashing it again each time was a share of a stance answer's CPU.
// As few entries as there are texts, which is what prepared() is for.
const named = new Map<string, { name: string; text: string }>();
