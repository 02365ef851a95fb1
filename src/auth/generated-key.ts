import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const GENERATED_KEY_FILE = 'api-key';

/**
 * With no API_KEYS configured, a new user still needs a key to write: create one admin key on first
 * start and keep it in the data directory (readable by its owner only), so it survives restarts.
 */
export function loadOrCreateGeneratedKey(dataDir: string): { key: string; file: string; created: boolean } {
  const file = join(resolve(dataDir), GENERATED_KEY_FILE);
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), file, created: false };
  mkdirSync(resolve(dataDir), { recursive: true });
  const key = `sl_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, file, created: true };
}
