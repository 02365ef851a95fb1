import { createHash, timingSafeEqual } from 'node:crypto';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a request: a key's role and a short, non-secret id of the key (safe to store and log). */
export interface Principal {
  readonly keyId: string;
  readonly role: Role;
}

/** Each role includes the ones before it: an admin may also write and read. */
export function hasRole(principal: Principal, required: Role): boolean {
  return ROLES.indexOf(principal.role) >= ROLES.indexOf(required);
}

/**
 * The configured keys. Lookup hashes the presented key and compares it with every known digest in
 * constant time, so neither the comparison nor the number of keys checked depends on the secret.
 */
export class KeyRing {
  private readonly entries: { digest: Buffer; principal: Principal }[];

  constructor(keys: { key: string; role: Role }[]) {
    this.entries = keys.map(({ key, role }) => ({ digest: digest(key), principal: { keyId: keyIdOf(key), role } }));
  }

  static parse(spec: string): KeyRing {
    return new KeyRing(spec.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => {
      const at = pair.lastIndexOf(':');
      return { key: pair.slice(0, at), role: pair.slice(at + 1) as Role };
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  authenticate(presented: string): Principal | undefined {
    const candidate = digest(presented);
    let found: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, candidate)) found = entry.principal;
    }
    return found;
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export function keyIdOf(key: string): string {
  return `key-${digest(key).toString('hex').slice(0, 12)}`;
}
